package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.api.Finding;
import dev.governor.api.Layer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Contract layer on repositories built with plain git: a registered OpenAPI description of orders, consumed by
 * checkout-service, with code generated from it; each test makes one change to it and reads the contract findings.
 */
class ContractLayerTest {
    static final String SPEC = "contracts/orders/openapi.yaml";
    static final String GENERATED = "services/checkout/src/generated/orders/Order.java";
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-21T10:00:00Z");
    static final String FIELDS = "Intent: keep orders right\nBlast-Radius: orders\nVerification: unit tests\n"
            + "Rollback: revert the commit\nRisk: low\n";

    static final String REGISTRY = """
            contracts:
              - name: orders-api
                spec: contracts/orders/openapi.yaml
                provider: orders-service
                consumers: [checkout-service]
                generated: ["services/checkout/src/generated/orders/**"]
            """;

    static final String V1 = """
            openapi: 3.0.3
            info:
              title: Orders
              version: 1.0.0
            paths:
              /orders:
                get:
                  operationId: listOrders
                  responses:
                    '200':
                      description: the orders
                      content:
                        application/json:
                          schema:
                            type: array
                            items:
                              $ref: '#/components/schemas/Order'
              /orders/{id}:
                get:
                  operationId: getOrder
                  parameters:
                    - name: id
                      in: path
                      required: true
                      schema:
                        type: string
                  responses:
                    '200':
                      description: one order
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Order'
            components:
              schemas:
                Order:
                  type: object
                  required: [id, total]
                  properties:
                    id:
                      type: string
                    total:
                      type: integer
            """;

    /** V1 without the path /orders/{id}. */
    static final String WITHOUT_ORDER = V1.substring(0, V1.indexOf("  /orders/{id}:")) + V1.substring(V1.indexOf("components:"));

    /** V1 with an optional response field. */
    static final String WITH_NOTE = V1.replace("""
                        total:
                          type: integer
                """, """
                        total:
                          type: integer
                        note:
                          type: string
                """);

    @TempDir
    Path dir;

    /** The repository after its first change: registry, spec 1.0.0 and generated code. */
    private PlainGitRepo orders() {
        PlainGitRepo git = PlainGitRepo.init(dir.resolve("shop"));
        git.write("contracts/registry.yml", REGISTRY).write(SPEC, V1).write(GENERATED, "class Order { String id; int total; }\n");
        git.commit(T0, "Add the orders contract\n\nChange-Type: feature\n" + FIELDS);
        return git;
    }

    private static List<String> contractFindings(PlainGitRepo git) {
        Report report = Governor.builder().repository(git.root())
                .clock(Clock.fixed(Instant.parse(Gov.NOW), ZoneOffset.UTC)).build().check();
        return report.findings().stream().filter(f -> f.layer() == Layer.CONTRACT).map(ContractLayerTest::line).toList();
    }

    private static String line(Finding f) {
        return f.severity().name() + " " + f.ruleId() + " " + f.subject().id() + " " + f.change() + ": " + f.message();
    }

    private static String sha(PlainGitRepo git) {
        return git.git(T1, "rev-parse", "--short=12", "HEAD").strip();
    }

    @Test
    void a_path_removed_while_the_change_declares_non_breaking_is_blocking_with_the_pointer_of_the_path() {
        PlainGitRepo git = orders();
        git.write(SPEC, WITHOUT_ORDER.replace("version: 1.0.0", "version: 2.0.0")).write(GENERATED, "class Order {}\n");
        git.commit(T1, "Drop the order lookup\n\nChange-Type: feature\nContract-Change: non-breaking\n"
                + "Rollout: checkout-service moved to /orders first\n" + FIELDS);
        String c = sha(git);

        assertThat(contractFindings(git)).containsExactly(
                "BLOCKING contract.undeclared-breaking " + SPEC + " " + c + ": " + c + " declares a non-breaking change to "
                        + SPEC + ", but it breaks clients: path-removed /paths/~1orders~1{id}");
    }

    @Test
    void the_undeclared_breaking_change_fails_the_contract_gate_of_a_sign_off_whose_other_gates_pass() throws Exception {
        PlainGitRepo git = orders();
        git.write(SPEC, WITHOUT_ORDER.replace("version: 1.0.0", "version: 2.0.0")).write(GENERATED, "class Order {}\n");
        git.commit(T1, "Drop the order lookup\n\nChange-Type: feature\nContract-Change: non-breaking\n"
                + "Rollout: checkout-service moved to /orders first\n" + FIELDS);
        Path junit = java.nio.file.Files.writeString(dir.resolve("junit.xml"), "<testsuite tests=\"1\"><testcase"
                + " classname=\"Orders\" name=\"lists\"/></testsuite>");
        Path sarif = java.nio.file.Files.writeString(dir.resolve("scan.sarif"), "{\"version\": \"2.1.0\", \"runs\":"
                + " [{\"tool\": {\"driver\": {\"name\": \"CodeQL\"}}, \"results\": []}]}");

        Gov.Result r = Gov.atNow().run("sign-off", "--repo", git.root().toString(), "--sha", sha(git), "--env", "prod",
                "--by", "bob@example.com", "--gate", "lint=" + junit, "--gate", "typecheck=" + junit,
                "--gate", "security-scan=" + sarif);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("| ❌ | gate contract-diff | ").contains("computed from the contract layer: 1 blocking"
                        + " finding in the range: contract.undeclared-breaking on " + sha(git) + " (" + SPEC + ")")
                .contains("| ✅ | gate version-bump | ").contains("| ✅ | gate lint | ").contains("| ✅ | gate security-scan | ");
    }

    @Test
    void an_optional_field_added_with_a_minor_bump_declared_non_breaking_is_clean() {
        PlainGitRepo git = orders();
        git.write(SPEC, WITH_NOTE.replace("version: 1.0.0", "version: 1.1.0"))
                .write(GENERATED, "class Order { String id; int total; String note; }\n");
        git.commit(T1, "Add a note to orders\n\nChange-Type: feature\nContract-Change: non-breaking\n" + FIELDS);

        assertThat(contractFindings(git)).isEmpty();
    }

    @Test
    void a_breaking_diff_without_a_major_bump_is_blocking() {
        PlainGitRepo git = orders();
        git.write(SPEC, WITHOUT_ORDER.replace("version: 1.0.0", "version: 1.1.0")).write(GENERATED, "class Order {}\n");
        git.commit(T1, "Drop the order lookup\n\nChange-Type: feature\nContract-Change: breaking\n"
                + "Rollout: checkout-service moved to /orders first\n" + FIELDS);
        String c = sha(git);

        assertThat(contractFindings(git)).containsExactly(
                "BLOCKING contract.version-not-bumped " + SPEC + " " + c + ": " + c + " changes " + SPEC
                        + " in ways that break clients and its version went 1.0.0 → 1.1.0: raise the major version");
    }

    @Test
    void a_breaking_change_to_a_spec_with_consumers_and_no_rollout_is_blocking() {
        PlainGitRepo git = orders();
        git.write(SPEC, WITHOUT_ORDER.replace("version: 1.0.0", "version: 2.0.0")).write(GENERATED, "class Order {}\n");
        git.commit(T1, "Drop the order lookup\n\nChange-Type: feature\nContract-Change: breaking\n" + FIELDS);
        String c = sha(git);

        assertThat(contractFindings(git)).containsExactly(
                "BLOCKING contract.rollout-plan-missing " + SPEC + " " + c + ": " + c + " breaks " + SPEC
                        + ", which checkout-service consume, and names no rollout plan: path-removed /paths/~1orders~1{id}");
    }

    @Test
    void a_spec_changed_without_its_generated_code_drifts() {
        PlainGitRepo git = orders();
        git.write(SPEC, WITH_NOTE.replace("version: 1.0.0", "version: 1.1.0"));
        git.commit(T1, "Add a note to orders\n\nChange-Type: feature\nContract-Change: non-breaking\n" + FIELDS);
        String c = sha(git);

        assertThat(contractFindings(git)).containsExactly(
                "WARNING contract.codegen-drift " + SPEC + " " + c + ": " + c + " changes " + SPEC
                        + " but none of its generated code (services/checkout/src/generated/orders/**): regenerate it in the same change");
    }

    @Test
    void generated_code_changed_without_its_spec_drifts() {
        PlainGitRepo git = orders();
        git.write(GENERATED, "class Order { String id; long total; }\n");
        git.commit(T1, "Widen the total by hand\n\nChange-Type: tactical-fix\n" + FIELDS);
        String c = sha(git);

        assertThat(contractFindings(git)).containsExactly(
                "WARNING contract.codegen-drift " + SPEC + " " + c + ": " + c + " changes code generated from " + SPEC
                        + " (" + GENERATED + ") but not the spec: change the spec and regenerate");
    }

    @Test
    void a_spec_under_the_contracts_directory_that_no_entry_names_is_unregistered() {
        PlainGitRepo git = orders();
        git.write("contracts/payments/openapi.json", "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Payments\","
                + " \"version\": \"1.0.0\"}, \"paths\": {}}\n");
        git.write("contracts/README.yaml", "owners: [team-orders]\n");
        git.commit(T1, "Sketch the payments API\n\nChange-Type: feature\n" + FIELDS);
        String c = sha(git);

        assertThat(contractFindings(git)).containsExactly(
                "WARNING contract.unregistered-spec contracts/payments/openapi.json " + c + ": contracts/payments/openapi.json"
                        + " reads as an OpenAPI description but no entry of contracts/registry.yml names it: register it,"
                        + " or move it out of the contracts directory");
    }

    @Test
    void an_unparsable_spec_is_blocking_with_its_file_and_line() {
        PlainGitRepo git = orders();
        git.write(SPEC, V1.replace("version: 1.0.0", "version: 1.0.1").replace("    get:\n      operationId: listOrders",
                "    get:\n      operationId: [listOrders"));
        git.write(GENERATED, "class Order { String id; int total; }\n// regenerated\n");
        git.commit(T1, "Rename the list operation\n\nChange-Type: feature\nContract-Change: non-breaking\n" + FIELDS);
        String c = sha(git);

        // the flow sequence opened on line 8 is found unclosed where line 9 starts a mapping
        assertThat(contractFindings(git)).containsExactly(
                "BLOCKING contract.invalid-spec " + SPEC + " " + c + ": " + SPEC + ":9: invalid YAML: while parsing a flow"
                        + " sequence, expected ',' or ']', but got :; fix the syntax (indentation, quotes, brackets)"
                        + " (as " + c + " leaves it)");
    }

    @Test
    void a_change_to_an_existing_spec_without_a_declaration_is_blocking() {
        PlainGitRepo git = orders();
        git.write(SPEC, WITH_NOTE.replace("version: 1.0.0", "version: 1.1.0"))
                .write(GENERATED, "class Order { String id; int total; String note; }\n");
        git.commit(T1, "Add a note to orders\n\nChange-Type: feature\n" + FIELDS);
        String c = sha(git);

        assertThat(contractFindings(git)).containsExactly(
                "BLOCKING contract.declaration-missing " + SPEC + " " + c + ": " + c + " modifies " + SPEC
                        + " but declares no contract change: add 'Contract-Change: breaking' or 'Contract-Change: non-breaking'");
    }

    @Test
    void a_breaking_declaration_for_a_compatible_diff_is_overdeclared() {
        PlainGitRepo git = orders();
        git.write(SPEC, WITH_NOTE.replace("version: 1.0.0", "version: 2.0.0"))
                .write(GENERATED, "class Order { String id; int total; String note; }\n");
        git.commit(T1, "Add a note to orders\n\nChange-Type: feature\nContract-Change: breaking\nRollout: none needed\n"
                + FIELDS);
        String c = sha(git);

        assertThat(contractFindings(git)).containsExactly(
                "INFO contract.overdeclared " + SPEC + " " + c + ": " + c + " declares a breaking change to " + SPEC
                        + ", but no difference breaks clients");
    }

    @Test
    void a_spec_whose_content_changed_without_a_new_version_is_blocking() {
        PlainGitRepo git = orders();
        git.write(SPEC, WITH_NOTE).write(GENERATED, "class Order { String id; int total; String note; }\n");
        git.commit(T1, "Add a note to orders\n\nChange-Type: feature\nContract-Change: non-breaking\n" + FIELDS);
        String c = sha(git);

        assertThat(contractFindings(git)).containsExactly(
                "BLOCKING contract.version-not-bumped " + SPEC + " " + c + ": " + c + " changes " + SPEC
                        + " and its version went 1.0.0 → 1.0.0: raise it");
    }

    @Test
    void gov_check_exits_1_on_a_blocking_contract_finding() {
        PlainGitRepo git = orders();
        git.write(SPEC, WITHOUT_ORDER.replace("version: 1.0.0", "version: 2.0.0")).write(GENERATED, "class Order {}\n");
        git.commit(T1, "Drop the order lookup\n\nChange-Type: feature\nContract-Change: non-breaking\n"
                + "Rollout: checkout-service moved to /orders first\n" + FIELDS);

        Gov.Result r = Gov.atNow().run("check", "--repo", git.root().toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith("BLOCKING  contract.undeclared-breaking  " + SPEC + "\n");
        assertThat(r.out()).contains("evidence: change " + sha(git) + " 2026-11-21T10:00:00Z\n"
                + "              spec-change orders-api@" + sha(git) + " (path-removed at /paths/~1orders~1{id})\n");
    }
}
