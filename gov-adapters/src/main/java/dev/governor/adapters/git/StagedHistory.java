package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.FileChange;
import dev.governor.api.FileTree;
import dev.governor.api.GovernanceException;
import dev.governor.api.History;
import dev.governor.api.HistoryProvider;
import dev.governor.api.Policy;
import dev.governor.api.Review;
import dev.governor.api.policy.IntentPolicy;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A governed history with what is staged in the index as one more change on top of the head
 * ({@link HistoryProvider#staged}). The index's trees are built in memory, never written to the repository
 * (the staged files' blobs are already there: {@code git add} wrote them); the history under it is the
 * shared, cached one, so a warm process reads nothing of the history again.
 */
final class StagedHistory implements History {

    /** The SHA the staged change carries: git's null id, as for a commit that does not exist yet. */
    static final String SHA = ObjectId.zeroId().name();

    private final History base;
    private final Change staged;
    private final List<Change> changes;
    private final FileTree tree;
    private final FileTree parent;

    private StagedHistory(History base, Change staged, FileTree tree, FileTree parent) {
        this.base = base;
        this.staged = staged;
        List<Change> all = new ArrayList<>(base.changes().size() + 1);
        all.addAll(base.changes());
        all.add(staged);
        this.changes = List.copyOf(all);
        this.tree = tree;
        this.parent = parent;
    }

    /**
     * Reads the index of {@code repository} on top of {@code base}.
     *
     * @param name the repository as the user named it, for messages
     */
    static StagedHistory of(GitRepositoryHistory base, Repository repository, String name, Policy policy,
                            String message, Instant at) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
        if (repository.isBare()) {
            throw new GovernanceException(name, 0, "a bare repository has no index to check: check the staged change"
                    + " in a working tree of the repository (a clone, or git worktree add)");
        }
        InMemoryTrees memory = new InMemoryTrees();
        Trees trees = new Trees(repository, name, memory::reader);
        try (ObjectReader reader = trees.newReader()) {
            DirCache index = repository.readDirCache();
            for (int i = 0; i < index.getEntryCount(); i++) {
                if (index.getEntry(i).getStage() != 0) {
                    throw new GovernanceException(name, 0, "the index has unresolved conflicts ("
                            + index.getEntry(i).getPathString() + "): resolve them and stage the result, then check");
                }
            }
            ObjectId indexTree = index.writeTree(memory);
            ObjectId headTree = null;
            ObjectId head = ObjectId.fromString(base.head());
            if (!head.equals(ObjectId.zeroId())) {
                try (RevWalk walk = new RevWalk(reader)) {
                    headTree = walk.parseCommit(head).getTree().copy();
                }
            }
            List<TreeDiff.Delta> queue = new ArrayList<>();
            new TreeDiff(reader).diff(headTree, indexTree, queue);
            List<FileChange> files = new Renames(reader).detect(queue);
            String cleaned = cleanup(message);
            long seconds = at.getEpochSecond();
            CommitData data = new CommitData(SHA, seconds, email(repository), subject(cleaned), null,
                    Trailers.parse(cleaned), Trailers.revertedCommit(cleaned), files, List.of(), seconds);
            boolean infer = policy.section(IntentPolicy.SECTION).inferFromConventionalCommits();
            Change change = Changes.change(data, HistoryProvider.STAGED, base.changes().size(), null, infer);
            FileTree parent = headTree == null ? trees.empty() : trees.atTree(base.head(), headTree);
            return new StagedHistory(base, change, trees.atTree(SHA, indexTree), parent);
        } catch (IOException e) {
            throw new GovernanceException(name, 0, "cannot read the index (what git add staged): " + e.getMessage()
                    + "; check that the repository is complete and not being written to", e);
        }
    }

    /**
     * The message as git commits it: comment lines ({@code #}) and everything below the scissors line
     * ({@code git commit -v}) dropped. A commit-msg hook may see the file before git cleans it up.
     */
    static String cleanup(String message) {
        StringBuilder out = new StringBuilder();
        for (String line : message.replace("\r\n", "\n").split("\n", -1)) {
            if (line.startsWith("# ------------------------ >8 ------------------------")) {
                break;
            }
            if (!line.startsWith("#")) {
                out.append(line).append('\n');
            }
        }
        return out.toString().strip();
    }

    private static String subject(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static String email(Repository repository) {
        String email = repository.getConfig().getString("user", null, "email");
        return email == null || email.isBlank() ? null : email;
    }

    /** The staged change. */
    Change staged() {
        return staged;
    }

    @Override
    public String head() {
        return base.head();
    }

    @Override
    public String branch() {
        return base.branch();
    }

    @Override
    public boolean shallow() {
        return base.shallow();
    }

    @Override
    public List<Change> changes() {
        return changes;
    }

    @Override
    public List<Review> reviews() {
        return base.reviews();
    }

    @Override
    public Optional<Change> change(String idOrSha) {
        if (HistoryProvider.STAGED.equals(idOrSha) || SHA.equals(idOrSha)) {
            return Optional.of(staged);
        }
        return base.change(idOrSha);
    }

    @Override
    public FileTree tree(Change change) {
        return isStaged(change) ? tree : base.tree(change);
    }

    @Override
    public Optional<FileTree> parentTree(Change change) {
        return isStaged(change) ? Optional.of(parent) : base.parentTree(change);
    }

    private boolean isStaged(Change change) {
        return HistoryProvider.STAGED.equals(change.id()) && SHA.equals(change.sha());
    }

    @Override
    public String toString() {
        return base + " and the staged index (" + staged.files().size() + " files)";
    }

    /**
     * The index's trees, formatted as git would write them but kept in memory; readers made through
     * {@link #reader} find them before the repository's objects.
     */
    private static final class InMemoryTrees extends ObjectInserter.Formatter {
        private final Map<ObjectId, byte[]> trees = new ConcurrentHashMap<>();

        @Override
        public ObjectId insert(int type, byte[] data, int off, int len) {
            ObjectId id = idFor(type, data, off, len);
            if (type == Constants.OBJ_TREE) {
                trees.putIfAbsent(id, Arrays.copyOfRange(data, off, off + len));
            }
            return id;
        }

        @Override
        public ObjectId insert(int type, long length, InputStream in) throws IOException {
            byte[] data = in.readNBytes(Math.toIntExact(length));
            return insert(type, data, 0, data.length);
        }

        @Override
        public void flush() {
            // nothing is written
        }

        @Override
        public void close() {
            // nothing to release
        }

        ObjectReader reader(ObjectReader delegate) {
            return new Reader(delegate);
        }

        private final class Reader extends ObjectReader.Filter {
            private final ObjectReader delegate;

            Reader(ObjectReader delegate) {
                this.delegate = delegate;
            }

            @Override
            protected ObjectReader delegate() {
                return delegate;
            }

            @Override
            public ObjectLoader open(AnyObjectId id, int typeHint) throws IOException {
                byte[] tree = trees.get(id);
                return tree != null ? new ObjectLoader.SmallObject(Constants.OBJ_TREE, tree) : delegate.open(id, typeHint);
            }

            @Override
            public boolean has(AnyObjectId id) throws IOException {
                return trees.containsKey(id) || delegate.has(id);
            }

            @Override
            public ObjectReader newReader() {
                return new Reader(delegate.newReader());
            }
        }
    }
}
