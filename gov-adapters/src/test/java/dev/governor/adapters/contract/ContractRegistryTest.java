package dev.governor.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.api.Contract;
import dev.governor.api.GovernanceException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** contracts/registry.yml as formats.md gives it, and every refusal with its line. */
class ContractRegistryTest {

    private static List<Contract> parse(String text) {
        return ContractRegistry.parse(text.getBytes(StandardCharsets.UTF_8), "contracts/registry.yml");
    }

    @Test
    void the_registry_of_formats_md_reads_into_contracts_in_file_order() {
        assertThat(parse("""
                contracts:
                  - name: orders-api
                    spec: contracts/orders/openapi.yaml     # OpenAPI 2.0/3.x or JSON Schema, YAML or JSON
                    provider: orders-service
                    consumers: [checkout-service, billing-service]
                    generated: ["services/checkout/src/generated/orders/**"]
                  - name: order-events
                    spec: contracts/events/order.json
                """)).containsExactly(
                new Contract("orders-api", "contracts/orders/openapi.yaml", "orders-service",
                        List.of("checkout-service", "billing-service"), List.of("services/checkout/src/generated/orders/**")),
                new Contract("order-events", "contracts/events/order.json", null, List.of(), List.of()));
    }

    @Test
    void an_empty_registry_registers_nothing() {
        assertThat(parse("")).isEmpty();
        assertThat(parse("contracts:\n")).isEmpty();
    }

    @Test
    void an_unknown_key_is_an_error_at_its_line_with_a_suggestion() {
        assertThatThrownBy(() -> parse("contracts:\n  - name: orders-api\n    spec: a.yaml\n    consumer: [checkout]\n"))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("contracts/registry.yml:4: unknown key 'consumer' under contracts[0] (did you mean 'consumers'?)");
    }

    @Test
    void an_entry_without_a_spec_is_an_error_at_its_line() {
        assertThatThrownBy(() -> parse("contracts:\n  - name: orders-api\n    provider: orders\n"))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("contracts/registry.yml:2: contracts[0].spec is missing: add it");
    }

    @Test
    void a_contract_registered_twice_is_an_error_naming_both_lines() {
        assertThatThrownBy(() -> parse("contracts:\n  - name: orders-api\n    spec: a.yaml\n  - name: orders-api\n    spec: b.yaml\n"))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("contracts/registry.yml:4: contract 'orders-api' is registered twice (also at line 2):"
                        + " give each contract one entry");
    }

    @Test
    void a_spec_outside_the_repository_is_refused() {
        assertThatThrownBy(() -> parse("contracts:\n  - name: orders-api\n    spec: ../elsewhere/a.yaml\n"))
                .isInstanceOf(GovernanceException.class)
                .hasMessageStartingWith("contracts/registry.yml:3: bad path '../elsewhere/a.yaml'");
    }
}
