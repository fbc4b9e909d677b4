package dev.governor.examples.ownership;

import dev.governor.api.Change;
import dev.governor.api.FileChange;
import dev.governor.api.FileContent;
import dev.governor.api.FileTree;
import dev.governor.api.History;
import dev.governor.api.Ref;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.pack.ContextEntry;
import dev.governor.pack.ContextRequest;
import dev.governor.pack.Derivation;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sixth layer, written against the public pack SPI alone: every file a change touches must have an owner
 * in CODEOWNERS (GitHub's format), as that change's commit has it. Registered in
 * {@code META-INF/services/dev.governor.pack.Pack}, so a jar holding it is all a team adds; its section is
 * {@code ownership:} in governance.yml, its rules {@code ownership.drl} beside this class.
 */
public final class OwnershipPack implements Pack {
    /** A CODEOWNERS larger than this is not a CODEOWNERS. */
    private static final long MAX_CODEOWNERS = 1 << 20;

    @Override
    public String id() {
        return "ownership";
    }

    @Override
    public List<String> rules() {
        return List.of("dev/governor/examples/ownership/ownership.drl");
    }

    @Override
    public List<SectionReader<?>> sections() {
        return List.of(SectionReader.of(OwnershipPolicy.SECTION, OwnershipPack::read));
    }

    static OwnershipPolicy read(Node node) {
        MapNode map = node.asMap().only(List.of("codeowners"));
        return SectionReader.value(map, "codeowners", n -> new OwnershipPolicy(n.asRelativePath()),
                OwnershipPolicy.DEFAULT);
    }

    /**
     * The owners of each path as the head's CODEOWNERS has them: who to ask before changing it. A path no line
     * matches says so, since a change to it would be refused by this pack's rule. Facts given in memory have no
     * head to read CODEOWNERS from, so the pack then tells nothing.
     */
    @Override
    public List<ContextEntry> context(ContextRequest request) {
        History history = request.history();
        if (history == null || request.changes().isEmpty()) {
            return List.of();
        }
        OwnershipPolicy policy = request.policy().section(OwnershipPolicy.SECTION);
        FileTree head = history.tree(request.changes().get(request.changes().size() - 1));
        Optional<FileContent> file = policy.locations().stream().map(head::file).flatMap(Optional::stream).findFirst();
        List<ContextEntry> out = new ArrayList<>();
        for (String path : request.paths()) {
            if (file.isEmpty()) {
                out.add(ContextEntry.of("owners", path, path + " has no owner: the head has no CODEOWNERS ("
                        + String.join(", ", policy.locations()) + "); add one before changing it")
                        .with("owners", List.of()));
                continue;
            }
            List<String> owners = CodeOwners.parse(new String(file.get().bytes(MAX_CODEOWNERS), StandardCharsets.UTF_8))
                    .owners(path);
            String where = file.get().path();
            out.add(ContextEntry.of("owners", path, owners.isEmpty()
                            ? path + " has no owner: no line of " + where + " matches it; a change to it is refused"
                                    + " (ownership.owner-missing) until one does"
                            : path + " is owned by " + String.join(", ", owners) + " (" + where + "): ask them first")
                    .with("owners", owners)
                    .with("codeowners", where)
                    .withEvidence(List.of(Ref.file(where))));
        }
        return out;
    }

    /**
     * For each change, each file it adds, modifies or renames, with its owners at that change: the rules
     * decide what an unowned file means. Facts given in memory have no history to read CODEOWNERS from.
     */
    @Override
    public void derive(Derivation derivation) {
        History history = derivation.history();
        if (history == null) {
            return;
        }
        OwnershipPolicy policy = derivation.policy().section(OwnershipPolicy.SECTION);
        Map<String, CodeOwners> parsed = new HashMap<>(); // by content id: most commits share one CODEOWNERS
        for (Change change : derivation.changes()) {
            if (change.files().isEmpty()) {
                continue;
            }
            FileTree tree = history.tree(change);
            Optional<FileContent> file = policy.locations().stream().map(tree::file).flatMap(Optional::stream).findFirst();
            CodeOwners owners = file.map(f -> parsed.computeIfAbsent(f.id(),
                    id -> CodeOwners.parse(new String(f.bytes(MAX_CODEOWNERS), StandardCharsets.UTF_8)))).orElse(null);
            for (FileChange f : change.files()) {
                if (f.kind() == FileChange.Kind.DELETED) {
                    continue;
                }
                derivation.insert(new OwnedFile(change, f.newPath(), owners == null ? List.of() : owners.owners(f.newPath()),
                        file.map(FileContent::path).orElse(null)));
            }
        }
    }
}
