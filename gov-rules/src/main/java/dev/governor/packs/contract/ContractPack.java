package dev.governor.packs.contract;

import dev.governor.api.Change;
import dev.governor.api.Contract;
import dev.governor.api.ContractDiff;
import dev.governor.api.SpecFile;
import dev.governor.api.policy.ContractPolicy;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.pack.Derivation;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Each contract diff with its change, its registration and how its version moved ({@link SpecChange}), and
     * each spec file with the change that last touched it ({@link SpecFileAt}): the rules decide what they mean.
     * A diff of a change not in the check (a host's stale record) has no one to be attributed to and is left out.
     */
    @Override
    public void derive(Derivation derivation) {
        Map<String, Change> changes = new HashMap<>();
        derivation.changes().forEach(c -> changes.put(c.id(), c));
        Map<String, Contract> contracts = new HashMap<>();
        derivation.facts().of(Contract.class).forEach(c -> contracts.put(c.name(), c));
        for (ContractDiff diff : derivation.facts().of(ContractDiff.class)) {
            Change change = changes.get(diff.change());
            if (change != null) {
                Contract registration = diff.registration() != null ? diff.registration() : contracts.get(diff.contract());
                derivation.insert(new SpecChange(change, diff, registration, VersionStep.of(diff.oldVersion(),
                        diff.newVersion())));
            }
        }
        for (SpecFile file : derivation.facts().of(SpecFile.class)) {
            derivation.insert(new SpecFileAt(file, file.change() == null ? null : changes.get(file.change())));
        }
    }

    static ContractPolicy contracts(Node node) {
        MapNode map = node.asMap().only(List.of("registry"));
        return SectionReader.value(map, "registry", n -> new ContractPolicy(n.asRelativePath()), ContractPolicy.DEFAULT);
    }
}
