package dev.governor.adapters.contract;

import dev.governor.adapters.git.GitHistoryProvider;
import dev.governor.api.Change;
import dev.governor.api.Contract;
import dev.governor.api.ContractDiff;
import dev.governor.api.FactContext;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.FileChange;
import dev.governor.api.FileContent;
import dev.governor.api.FileTree;
import dev.governor.api.Glob;
import dev.governor.api.GovernanceException;
import dev.governor.api.History;
import dev.governor.api.SpecFile;
import dev.governor.api.policy.ContractPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Contract layer's facts from the repository: the registry's {@link Contract}s as the branch's head has
 * them; for every change that touches a registered spec or its generated code, a {@link ContractDiff} (the
 * spec before and after the change, read from the shared history's trees, and the registry as the change left
 * it); and each {@link SpecFile} under the registry's directory at the head, registered or not. Found through
 * {@link java.util.ServiceLoader}; with no repository in the context it has nothing to say.
 *
 * <p>Each version of a spec is parsed once per check (by its object id), and each pair of versions diffed once.
 * A registry that does not parse at the head is an error (file and line); an older broken version is skipped
 * for the one before it, since a later change repaired it.
 */
public final class ContractFactSource implements FactSource {

    @Override
    public Facts read(FactContext context) {
        History history = context.history();
        if (history == null) {
            if (context.repository() == null) {
                return Facts.empty();
            }
            history = new GitHistoryProvider().open(context.repository(), context.branch(), context.since(),
                    context.policy());
        }
        String registryPath = context.policy().section(ContractPolicy.SECTION).registry().replace('\\', '/');
        return new Reading(history, registryPath).facts();
    }

    /** One check's reading: the caches live as long as it. */
    private static final class Reading {
        private final History history;
        private final String registryPath;
        private final Map<String, Parsed> parsed = new HashMap<>();
        private final Map<String, SpecDiff> diffs = new HashMap<>();

        Reading(History history, String registryPath) {
            this.history = history;
            this.registryPath = registryPath;
        }

        Facts facts() {
            List<Change> changes = history.changes();
            Facts.Builder facts = Facts.builder();
            if (changes.isEmpty()) {
                return facts.build();
            }
            List<Contract> registry = history.parentTree(changes.get(0)).map(t -> registryAt(t, true)).orElse(List.of());
            GovernanceException broken = null;
            for (Change change : changes) {
                if (touches(change, registryPath)) {
                    try {
                        registry = registryAt(history.tree(change), false);
                        broken = null;
                    } catch (GovernanceException e) {
                        broken = e; // a later change may repair it; the head's registry must parse
                    }
                }
                for (Contract contract : registry) {
                    ContractDiff diff = diff(change, contract);
                    if (diff != null) {
                        facts.contractDiff(diff);
                    }
                }
            }
            if (broken != null) {
                throw broken;
            }
            registry.forEach(facts::contract);
            specFiles(changes, registry).forEach(facts::specFile);
            return facts.build();
        }

        /** The registry in a tree; none when the file is absent. A broken one before the history read is skipped. */
        private List<Contract> registryAt(FileTree tree, boolean lenient) {
            Optional<FileContent> file = tree.file(registryPath);
            if (file.isEmpty()) {
                return List.of();
            }
            try {
                return ContractRegistry.parse(file.get().bytes(Spec.LIMITS.maxBytes()), registryPath);
            } catch (GovernanceException e) {
                if (lenient) {
                    return List.of();
                }
                throw e;
            }
        }

        /** What one change did to one contract's spec and generated code, or null when it touched neither. */
        private ContractDiff diff(Change change, Contract contract) {
            FileChange spec = null;
            List<String> generated = new ArrayList<>();
            for (FileChange f : change.files()) {
                if (contract.spec().equals(f.newPath()) || contract.spec().equals(f.oldPath())) {
                    spec = f;
                }
                String path = f.path();
                if (contract.generated().stream().anyMatch(g -> Glob.matches(g, path))) {
                    generated.add(path);
                }
            }
            if (spec == null && generated.isEmpty()) {
                return null;
            }
            if (spec == null) {
                return new ContractDiff(change.id(), contract.name(), null, null, List.of(), contract,
                        ContractDiff.Status.UNCHANGED, null, generated);
            }
            // the file the spec was before the change: itself, or what was renamed to it
            String beforePath = contract.spec().equals(spec.newPath()) ? spec.oldPath() : contract.spec();
            Optional<FileContent> before = beforePath == null ? Optional.empty()
                    : history.parentTree(change).flatMap(t -> t.file(beforePath));
            Optional<FileContent> after = history.tree(change).file(contract.spec());
            if (after.isEmpty()) {
                Parsed old = before.map(this::parse).orElse(null);
                return new ContractDiff(change.id(), contract.name(), old == null || old.spec == null ? null
                        : old.spec.version(), null, List.of(new ContractDiff.Item("", "spec-removed", true,
                        contract.spec() + " was removed: every client of " + contract.name() + " loses it")), contract,
                        ContractDiff.Status.REMOVED, null, generated);
            }
            Parsed now = parse(after.get());
            String newVersion = now.spec == null ? null : now.spec.version();
            if (before.isEmpty()) {
                return new ContractDiff(change.id(), contract.name(), null, newVersion, List.of(), contract,
                        ContractDiff.Status.ADDED, now.problem, generated);
            }
            Parsed old = parse(before.get());
            List<ContractDiff.Item> items = List.of();
            String problem = now.problem;
            if (now.spec != null && old.spec != null) {
                try {
                    items = diffs.computeIfAbsent(before.get().id() + ".." + after.get().id(),
                            k -> SpecDiffs.diff(old.spec, now.spec)).items();
                } catch (GovernanceException e) {
                    problem = e.getMessage(); // swagger-parser cannot make a description of it
                }
            }
            return new ContractDiff(change.id(), contract.name(), old.spec == null ? null : old.spec.version(), newVersion,
                    items, contract, ContractDiff.Status.MODIFIED, problem, generated);
        }

        private Parsed parse(FileContent file) {
            return parsed.computeIfAbsent(file.id() + ":" + file.path(), k -> {
                try {
                    return new Parsed(Spec.parse(file.bytes(Spec.LIMITS.maxBytes()), file.path()), null);
                } catch (GovernanceException e) {
                    return new Parsed(null, e.getMessage());
                }
            });
        }

        /**
         * The files under the registry's directory at the head that read as OpenAPI or JSON Schema, each with the
         * last change that added or modified it.
         */
        private List<SpecFile> specFiles(List<Change> changes, List<Contract> registry) {
            int slash = registryPath.lastIndexOf('/');
            String dir = slash < 0 ? "" : registryPath.substring(0, slash);
            FileTree head = history.tree(changes.get(changes.size() - 1));
            Set<String> registered = new HashSet<>();
            registry.forEach(c -> registered.add(c.spec()));
            List<SpecFile> out = new ArrayList<>();
            for (String path : head.files(dir)) {
                String lower = path.toLowerCase(java.util.Locale.ROOT);
                if (path.equals(registryPath) || !(lower.endsWith(".yaml") || lower.endsWith(".yml")
                        || lower.endsWith(".json"))) {
                    continue;
                }
                FileContent file = head.file(path).orElseThrow();
                String format;
                if (registered.contains(path)) {
                    Parsed p = parse(file);
                    format = p.spec == null ? null : p.spec.kind() == Spec.Kind.OPENAPI ? "openapi" : "json-schema";
                } else {
                    format = file.size() > Spec.LIMITS.maxBytes() ? null : Spec.detect(file.bytes(Spec.LIMITS.maxBytes()), path);
                }
                if (format != null) {
                    out.add(new SpecFile(path, format, lastTouch(changes, path)));
                }
            }
            return out;
        }

        private static String lastTouch(List<Change> changes, String path) {
            for (int i = changes.size() - 1; i >= 0; i--) {
                for (FileChange f : changes.get(i).files()) {
                    if (path.equals(f.newPath())) {
                        return changes.get(i).id();
                    }
                }
            }
            return null;
        }

        private static boolean touches(Change change, String path) {
            for (FileChange f : change.files()) {
                if (path.equals(f.newPath()) || path.equals(f.oldPath())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A version of a spec: parsed, or why not. */
    private record Parsed(Spec spec, String problem) {}
}
