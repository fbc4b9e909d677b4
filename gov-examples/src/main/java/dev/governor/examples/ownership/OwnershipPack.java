package dev.governor.examples.ownership;

import dev.governor.api.Change;
import dev.governor.api.FileChange;
import dev.governor.api.FileContent;
import dev.governor.api.FileTree;
import dev.governor.api.History;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.pack.Derivation;
import dev.governor.pack.Pack;
import dev.governor.pack.SectionReader;
import java.nio.charset.StandardCharsets;
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
