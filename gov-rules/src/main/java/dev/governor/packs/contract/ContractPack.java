package dev.governor.packs.contract;

import dev.governor.api.Change;
import dev.governor.api.Contract;
import dev.governor.api.ContractDiff;
import dev.governor.api.SpecFile;
import dev.governor.api.policy.ContractPolicy;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.api.Glob;
import dev.governor.pack.ContextEntry;
import dev.governor.pack.ContextRequest;
import dev.governor.pack.Derivation;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import java.util.ArrayList;
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

    /**
     * The registered contracts the paths take part in, with their consumers: a path is the spec itself, code
     * generated from it (its {@code generated} globs), or lies in the provider's or a consumer's service (a
     * directory of the path named as the service is).
     */
    @Override
    public List<ContextEntry> context(ContextRequest request) {
        List<ContextEntry> out = new ArrayList<>();
        for (String path : request.paths()) {
            for (Contract c : request.facts().of(Contract.class)) {
                String role = role(c, path);
                if (role == null) {
                    continue;
                }
                String consumers = c.consumers().isEmpty() ? "no registered consumer"
                        : "consumed by " + String.join(", ", c.consumers());
                String what = switch (role) {
                    case "spec" -> path + " is the spec of contract " + c.name();
                    case "generated" -> path + " is generated from contract " + c.name() + " (" + c.spec() + ")";
                    case "provider" -> path + " is in " + c.provider() + ", which provides contract " + c.name()
                            + " (" + c.spec() + ")";
                    default -> path + " is in " + role.substring("consumer:".length()) + ", which consumes contract "
                            + c.name() + " (" + c.spec() + ")";
                };
                String next = role.startsWith("consumer:") ? ": a change of the provider can break it; read "
                        + c.spec() + " before relying on more of it"
                        : ": a breaking change to it needs Contract-Change: breaking, a major version and a rollout plan"
                                + (c.consumers().isEmpty() ? "" : " for its consumers");
                out.add(ContextEntry.of("contract", path, what + ", " + consumers + next)
                        .with("contract", c.name())
                        .with("role", role.startsWith("consumer:") ? "consumer" : role)
                        .with("spec", c.spec())
                        .with("provider", c.provider())
                        .with("consumers", c.consumers())
                        .withEvidence(List.of(c.ref())));
            }
        }
        return out;
    }

    /** How a path takes part in a contract: {@code spec}, {@code generated}, {@code provider}, {@code consumer:S}. */
    private static String role(Contract c, String path) {
        if (c.spec().equals(path) || c.spec().startsWith(path + "/")) {
            return "spec";
        }
        for (String glob : c.generated()) {
            if (Glob.matches(glob, path)) {
                return "generated";
            }
        }
        if (inService(c.provider(), path)) {
            return "provider";
        }
        for (String consumer : c.consumers()) {
            if (inService(consumer, path)) {
                return "consumer:" + consumer;
            }
        }
        return null;
    }

    /** Whether a directory above the path (or the path, a directory asked about) is named as the service. */
    private static boolean inService(String service, String path) {
        if (service == null || service.isBlank()) {
            return false;
        }
        String s = service.strip();
        if (path.equals(s) || path.startsWith(s + "/")) {
            return true; // the service named by its path
        }
        List<String> segments = List.of(path.split("/"));
        return segments.contains(s);
    }

    static ContractPolicy contracts(Node node) {
        MapNode map = node.asMap().only(List.of("registry"));
        return SectionReader.value(map, "registry", n -> new ContractPolicy(n.asRelativePath()), ContractPolicy.DEFAULT);
    }
}
