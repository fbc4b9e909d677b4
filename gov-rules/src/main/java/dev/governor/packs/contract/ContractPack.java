package dev.governor.packs.contract;

import dev.governor.api.policy.ContractPolicy;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import java.util.List;

/**
 * Contract: what do other systems depend on? Registered specs, their breaking-change diffs, versions,
 * rollout and generated code (rules.md, "Contract"). Rules: {@code rules/contract.drl}.
 */
public final class ContractPack implements Pack {

    @Override
    public String id() {
        return "contract";
    }

    @Override
    public List<String> rules() {
        return List.of("dev/governor/rules/contract.drl");
    }

    @Override
    public List<SectionReader<?>> sections() {
        return List.of(SectionReader.of(ContractPolicy.SECTION, ContractPack::contracts));
    }

    static ContractPolicy contracts(Node node) {
        MapNode map = node.asMap().only(List.of("registry"));
        return SectionReader.value(map, "registry", n -> new ContractPolicy(n.asRelativePath()), ContractPolicy.DEFAULT);
    }
}
