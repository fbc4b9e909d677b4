package dev.governor.adapters.contract;

import dev.governor.api.Contract;
import dev.governor.api.GovernanceException;
import dev.governor.input.Format;
import dev.governor.input.Limits;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.input.NullNode;
import dev.governor.input.StructuredInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract registry (formats.md, "Contract registry"): which specs are contracts, who provides and who
 * consumes each, and where code is generated from it. Read through the shared reader, so every error names
 * file and line.
 *
 * <pre>{@code
 * contracts:
 *   - name: orders-api
 *     spec: contracts/orders/openapi.yaml
 *     provider: orders-service
 *     consumers: [checkout-service, billing-service]
 *     generated: ["services/checkout/src/generated/orders/**"]
 * }</pre>
 */
final class ContractRegistry {
    private static final List<String> ROOT = List.of("contracts");
    private static final List<String> ENTRY = List.of("name", "spec", "provider", "consumers", "generated");

    private ContractRegistry() {
    }

    /**
     * The registry's entries, in file order.
     *
     * @throws GovernanceException naming file and line: an unknown key (with a suggestion), a missing name or
     *                             spec, a spec path outside the repository, a name or spec registered twice
     */
    static List<Contract> parse(byte[] bytes, String name) {
        Format format;
        try {
            format = Format.of(name);
        } catch (IllegalArgumentException e) {
            throw new GovernanceException(name, 0, e.getMessage());
        }
        Node root = StructuredInput.parse(bytes, format, name, Limits.POLICY);
        if (root instanceof NullNode) {
            return List.of();
        }
        Node list = root.asMap().only(ROOT).get("contracts");
        if (list == null || list instanceof NullNode) {
            return List.of();
        }
        List<Contract> contracts = new ArrayList<>();
        Map<String, Node> names = new HashMap<>();
        Map<String, Node> specs = new HashMap<>();
        for (Node item : list.asList().items()) {
            MapNode entry = item.asMap().only(ENTRY);
            Node nameNode = entry.require("name");
            String contract = nameNode.asString();
            Node specNode = entry.require("spec");
            String spec = specNode.asRelativePath().replace('\\', '/');
            Node before = names.put(contract, nameNode);
            if (before != null) {
                throw nameNode.error("contract '" + contract + "' is registered twice (also at line " + before.line()
                        + "): give each contract one entry");
            }
            Node twice = specs.put(spec, specNode);
            if (twice != null) {
                throw specNode.error("spec " + spec + " is registered twice (also at line " + twice.line()
                        + "): one spec is one contract");
            }
            Node provider = entry.get("provider");
            Node consumers = entry.get("consumers");
            Node generated = entry.get("generated");
            contracts.add(new Contract(contract, spec, provider == null ? null : provider.asString(),
                    consumers == null ? List.of() : consumers.asStrings(),
                    generated == null ? List.of() : generated.asStrings()));
        }
        return contracts;
    }
}
