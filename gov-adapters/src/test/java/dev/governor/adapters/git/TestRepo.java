package dev.governor.adapters.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real git repository in a temp directory, built commit by commit with explicit times so that
 * tests are deterministic. Each branch keeps its file state; a commit changes some files of it.
 */
final class TestRepo implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    final Path dir;
    final Repository repo;
    private final Map<String, TreeMap<String, String>> trees = new HashMap<>();
    private String author = "dev@example.com";

    private TestRepo(Path dir, Repository repo) {
        this.dir = dir;
        this.repo = repo;
    }

    static TestRepo init(Path dir) throws Exception {
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        return new TestRepo(dir, git.getRepository());
    }

    TestRepo author(String email) {
        this.author = email;
        return this;
    }

    /** A commit on {@code branch} at {@code T0 + minutes}; {@code files} alternate path and content (null deletes). */
    ObjectId commit(String branch, String message, int minutes, String... files) throws IOException {
        TreeMap<String, String> tree = new TreeMap<>(trees.getOrDefault(branch, new TreeMap<>()));
        for (int i = 0; i < files.length; i += 2) {
            if (files[i + 1] == null) {
                tree.remove(files[i]);
            } else {
                tree.put(files[i], files[i + 1]);
            }
        }
        ObjectId head = repo.resolve(Constants.R_HEADS + branch);
        return write(branch, message, minutes, tree, head == null ? new ObjectId[0] : new ObjectId[] {head});
    }

    /** A commit on {@code branch} moving {@code from} to {@code to} unchanged (a pure rename). */
    ObjectId rename(String branch, String message, int minutes, String from, String to) throws IOException {
        String content = trees.get(branch).get(from);
        return commit(branch, message, minutes, from, null, to, content);
    }

    /** Starts {@code branch} at {@code from}'s head. */
    void branch(String branch, String from) throws IOException {
        trees.put(branch, new TreeMap<>(trees.get(from)));
        update(branch, repo.resolve(Constants.R_HEADS + from));
    }

    /** A merge commit on {@code into} with {@code from} as second parent; the tree takes both sides' files. */
    ObjectId merge(String into, String from, String message, int minutes) throws IOException {
        TreeMap<String, String> tree = new TreeMap<>(trees.get(into));
        tree.putAll(trees.get(from));
        return write(into, message, minutes, tree,
                new ObjectId[] {repo.resolve(Constants.R_HEADS + into), repo.resolve(Constants.R_HEADS + from)});
    }

    /** Writes a file into the working tree (not committed), e.g. a PR record. */
    void writeFile(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private ObjectId write(String branch, String message, int minutes, TreeMap<String, String> tree, ObjectId[] parents)
            throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, String> file : tree.entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
                builder.add(entry);
            }
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setParentIds(parents);
            Instant when = T0.plusSeconds(minutes * 60L);
            // author time differs from committer time so tests can tell which one is the merge time
            commit.setAuthor(new PersonIdent("Dev", author, when.minusSeconds(3600), ZoneOffset.UTC));
            commit.setCommitter(new PersonIdent("Committer", "committer@example.com", when, ZoneOffset.UTC));
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            trees.put(branch, tree);
            update(branch, id);
            return id;
        }
    }

    private void update(String branch, ObjectId id) throws IOException {
        RefUpdate ru = repo.updateRef(Constants.R_HEADS + branch);
        ru.setNewObjectId(id);
        ru.setForceUpdate(true);
        RefUpdate.Result result = ru.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED && result != RefUpdate.Result.FAST_FORWARD
                && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("cannot update " + branch + ": " + result);
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
