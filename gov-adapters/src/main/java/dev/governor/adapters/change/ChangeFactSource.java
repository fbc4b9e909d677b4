package dev.governor.adapters.change;

import dev.governor.adapters.git.GitHistoryProvider;
import dev.governor.api.Adr;
import dev.governor.api.AdrChange;
import dev.governor.api.Change;
import dev.governor.api.FactContext;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.FileChange;
import dev.governor.api.FileContent;
import dev.governor.api.FileTree;
import dev.governor.api.History;
import dev.governor.api.policy.AdrPolicy;
import dev.governor.api.policy.ServicesPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Change layer's facts from the governed history, read through the shared history core (no second walk):
 * <ul>
 *   <li>each {@link Adr} as it stands at the branch's head, attributed to the change that last wrote it;</li>
 *   <li>an {@link AdrChange} for each change that adds, modifies, renames or deletes an ADR, with the ADR as it
 *       stood before and after, so rules can ask whether a change added or updated an ADR;</li>
 *   <li>a {@link dev.governor.api.BoundaryChange} for each rename, split, merge or removal of a service
 *       boundary, classified from the change's diff and the trees before and after it.</li>
 * </ul>
 * ADRs are the Markdown files directly in {@code adr.dirs} (default {@code docs/adr}, {@code doc/adr},
 * {@code docs/decisions}), except a README, an index and templates. Nothing is read when {@code layers:}
 * leaves the Change layer out. Found through {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * Facts facts = new ChangeFactSource().read(context);
 * List<Adr> adrs = facts.of(Adr.class);
 * }</pre>
 */
public final class ChangeFactSource implements FactSource {

    /** The pack whose facts these are: with it out of {@code layers:}, nothing is read. */
    static final String LAYER = "change";

    @Override
    public Facts read(FactContext context) {
        if (!context.policy().inForce(LAYER)) {
            return Facts.empty();
        }
        History history = context.history();
        if (history == null) {
            if (context.repository() == null) {
                return Facts.empty();
            }
            history = new GitHistoryProvider().open(context.repository(), context.branch(), context.since(),
                    context.policy());
        }
        return read(history, context.policy().section(AdrPolicy.SECTION), context.policy().section(ServicesPolicy.SECTION));
    }

    /** The facts of one history under these settings. */
    static Facts read(History history, AdrPolicy adrs, ServicesPolicy services) {
        Facts.Builder facts = Facts.builder();
        Map<String, Adr> parsed = new HashMap<>(); // by blob id and path: an ADR's text rarely changes
        Map<String, String> lastChange = new HashMap<>();
        List<Change> changes = history.changes();
        for (Change change : changes) {
            List<FileChange> files = change.files();
            if (files.isEmpty()) {
                continue;
            }
            Optional<FileTree> parent = null;
            FileTree tree = null;
            for (FileChange f : files) {
                boolean was = f.oldPath() != null && AdrFiles.isAdr(f.oldPath(), adrs.dirs());
                boolean is = f.newPath() != null && AdrFiles.isAdr(f.newPath(), adrs.dirs());
                if (!was && !is || f.kind() == FileChange.Kind.COPIED && !is) {
                    continue;
                }
                if (parent == null) {
                    parent = history.parentTree(change);
                    tree = history.tree(change);
                }
                if (parent.isEmpty()) {
                    break; // a shallow clone's boundary: what it changed is unknown
                }
                Adr before = was && f.kind() != FileChange.Kind.COPIED
                        ? adr(parent.get(), f.oldPath(), parsed, lastChange.get(f.oldPath())) : null;
                Adr after = is ? adr(tree, f.newPath(), parsed, change.id()) : null;
                if (before == null && after == null) {
                    continue;
                }
                AdrChange.Kind kind = before == null ? AdrChange.Kind.ADDED : after == null ? AdrChange.Kind.DELETED
                        : f.kind() == FileChange.Kind.RENAMED ? AdrChange.Kind.RENAMED : AdrChange.Kind.MODIFIED;
                facts.adrChange(new AdrChange(change.id(), f.path(), kind, before, after));
                if (was) {
                    lastChange.remove(f.oldPath());
                }
                if (is) {
                    lastChange.put(f.newPath(), change.id());
                }
            }
            if (Boundaries.mayReshape(files)) {
                if (parent == null) {
                    parent = history.parentTree(change);
                    tree = history.tree(change);
                }
                if (parent.isPresent()) {
                    Boundaries.classify(change.id(), files, parent.get(), tree, services).forEach(facts::boundaryChange);
                }
            }
        }
        if (!changes.isEmpty()) {
            FileTree head = history.tree(changes.get(changes.size() - 1));
            for (String path : AdrFiles.list(head, adrs.dirs())) {
                facts.adr(adr(head, path, parsed, lastChange.get(path)));
            }
        }
        return facts.build();
    }

    private static Adr adr(FileTree tree, String path, Map<String, Adr> parsed, String lastChange) {
        Optional<FileContent> file = tree.file(path);
        if (file.isEmpty()) {
            return null;
        }
        FileContent content = file.get();
        Adr adr = parsed.computeIfAbsent(content.id() + ":" + path, key -> content.size() > AdrReader.MAX_BYTES
                ? AdrReader.read(path, new byte[AdrReader.MAX_BYTES + 1])
                : AdrReader.read(path, content.bytes(AdrReader.MAX_BYTES)));
        return adr.withLastChange(lastChange);
    }
}
