package dev.governor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Governor;
import dev.governor.api.Change;
import dev.governor.api.Contract;
import dev.governor.api.ContractDiff;
import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import dev.governor.api.SpecFile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Contract rules on facts a host tool supplies in memory: no repository, no reader, the DRL decides. */
class ContractRulesTest {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Instant MERGED = Instant.parse("2026-11-20T10:00:00Z");
    static final Contract ORDERS = new Contract("orders-api", "contracts/orders.yaml", "orders-service",
            List.of("checkout-service", "billing-service"), List.of());
    static final ContractDiff.Item REMOVED = new ContractDiff.Item("/paths/~1orders", "path-removed", true,
            "path /orders was removed");

    private static List<String> findings(Facts facts) {
        return Governor.builder().facts(facts).clock(Clock.fixed(NOW, ZoneOffset.UTC)).withoutServiceLoadedSources()
                .build().check().findings().stream().filter(f -> f.layer() == Layer.CONTRACT)
                .map(ContractRulesTest::line).toList();
    }

    private static String line(Finding f) {
        return f.ruleId() + " " + f.subject().id() + " " + f.change() + " " + f.at() + ": " + f.message();
    }

    private static Change change(String... trailers) {
        Change.Builder b = Change.builder("#7").mergedAt(MERGED).declaredType("feature").risk("low");
        for (int i = 0; i < trailers.length; i += 2) {
            b.field(trailers[i], trailers[i + 1]);
        }
        return b.build();
    }

    @Test
    void a_host_supplied_diff_takes_its_registration_from_the_contract_of_its_name() {
        Facts facts = Facts.builder().contract(ORDERS).change(change("contract-change", "non-breaking"))
                .contractDiff(new ContractDiff("#7", "orders-api", "1.4.0", "1.5.0", List.of(REMOVED))).build();

        assertThat(findings(facts)).containsExactly(
                "contract.rollout-plan-missing contracts/orders.yaml #7 2026-11-20T10:00:00Z: #7 breaks contracts/orders.yaml,"
                        + " which checkout-service, billing-service consume, and names no rollout plan: path-removed /paths/~1orders",
                "contract.undeclared-breaking contracts/orders.yaml #7 2026-11-20T10:00:00Z: #7 declares a non-breaking change"
                        + " to contracts/orders.yaml, but it breaks clients: path-removed /paths/~1orders",
                "contract.version-not-bumped contracts/orders.yaml #7 2026-11-20T10:00:00Z: #7 changes contracts/orders.yaml"
                        + " in ways that break clients and its version went 1.4.0 → 1.5.0: raise the major version");
    }

    @Test
    void a_declaration_that_is_neither_word_counts_as_missing_and_is_named() {
        Facts facts = Facts.builder().contract(ORDERS).change(change("contract-change", "maybe"))
                .contractDiff(new ContractDiff("#7", "orders-api", "1.4.0", "1.4.1",
                        List.of(new ContractDiff.Item("/info/description", "description-changed", false)))).build();

        assertThat(findings(facts)).containsExactly(
                "contract.declaration-missing contracts/orders.yaml #7 2026-11-20T10:00:00Z: #7 declares contract change"
                        + " 'maybe' for contracts/orders.yaml, which is neither breaking nor non-breaking");
    }

    @Test
    void a_spec_created_by_a_change_needs_no_declaration_and_no_version_step() {
        Facts facts = Facts.builder().contract(ORDERS).change(change())
                .contractDiff(new ContractDiff("#7", "orders-api", null, "1.0.0", List.of(), ORDERS,
                        ContractDiff.Status.ADDED, null, List.of())).build();

        assertThat(findings(facts)).isEmpty();
    }

    @Test
    void versions_that_compare_neither_as_semver_nor_as_dotted_numbers_do_not_pass() {
        Facts facts = Facts.builder().contract(ORDERS).change(change("contract-change", "non-breaking"))
                .contractDiff(new ContractDiff("#7", "orders-api", "2026-spring", "2026-summer",
                        List.of(new ContractDiff.Item("/paths/~1orders/get/summary", "description-changed", false)))).build();

        assertThat(findings(facts)).containsExactly(
                "contract.version-not-bumped contracts/orders.yaml #7 2026-11-20T10:00:00Z: #7 changes contracts/orders.yaml"
                        + " and its version went 2026-spring → 2026-summer: use versions that compare (SemVer, or dotted numbers)");
    }

    @Test
    void a_spec_file_no_contract_names_is_unregistered_and_attributed_to_its_last_change() {
        Facts facts = Facts.builder().contract(ORDERS).change(change())
                .specFile(new SpecFile("contracts/orders.yaml", "openapi", "#7"))
                .specFile(new SpecFile("contracts/events/order.json", "json-schema", "#7")).build();

        assertThat(findings(facts)).containsExactly(
                "contract.unregistered-spec contracts/events/order.json #7 2026-11-20T10:00:00Z: contracts/events/order.json"
                        + " reads as a JSON Schema but no entry of contracts/registry.yml names it: register it, or move it"
                        + " out of the contracts directory");
    }
}
