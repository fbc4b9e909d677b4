package dev.governor.adapters.git;

import dev.governor.api.FileContent;
import dev.governor.api.FileTree;
import dev.governor.api.GovernanceException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The trees of one history's commits, read lazily: a commit's {@link FileTree} is made when asked for, and
 * each directory (a git tree object) is parsed on first use and kept by object id, so that the trees of
 * neighbouring commits share their unchanged directories. Both caches are bounded. Safe for many threads:
 * each read opens its own {@link ObjectReader}.
 */
final class Trees {

    private static final int TREES = 64;
    private static final int DIRECTORIES = 8192;
    // the largest array the JVM hands out
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final Repository repository;
    private final String name;
    private final Map<ObjectId, GitFileTree> byCommit = lru(TREES);
    private final Map<ObjectId, Dir> directories = lru(DIRECTORIES);
    private final GitFileTree empty = new GitFileTree(null, null);
    private final UnaryOperator<ObjectReader> readers;

    Trees(Repository repository, String name) {
        this(repository, name, UnaryOperator.identity());
    }

    /**
     * Trees whose objects are read through {@code readers} (the staged index's trees live in memory, not in
     * the repository: see {@link StagedHistory}).
     */
    Trees(Repository repository, String name, UnaryOperator<ObjectReader> readers) {
        this.repository = repository;
        this.name = name;
        this.readers = readers;
    }

    private static <K, V> Map<K, V> lru(int size) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        });
    }

    ObjectReader newReader() {
        return readers.apply(repository.newObjectReader());
    }

    /** The tree {@code root} as the files of {@code commit} (a name for messages; it need not be a commit). */
    FileTree atTree(String commit, ObjectId root) {
        return new GitFileTree(commit, root.copy());
    }

    /** The empty tree: a root commit's parent. */
    FileTree empty() {
        return empty;
    }

    /** The tree of {@code commit}. */
    FileTree atCommit(ObjectId commit) {
        GitFileTree tree = byCommit.get(commit);
        if (tree == null) {
            try (ObjectReader reader = newReader(); RevWalk walk = new RevWalk(reader)) {
                tree = new GitFileTree(commit.name(), walk.parseCommit(commit).getTree().copy());
            } catch (IOException e) {
                throw CommitReader.failure(name, e);
            }
            byCommit.put(commit.copy(), tree);
        }
        return tree;
    }

    /** One parsed tree object: its entries by name, in git's order. */
    private record Dir(Map<String, Entry> entries) {}

    private record Entry(int mode, ObjectId id) {
        boolean isDirectory() {
            return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
        }

        /** Regular and executable files and symbolic links; a submodule is no file of this repository. */
        boolean isFile() {
            int type = mode & FileMode.TYPE_MASK;
            return type == FileMode.TYPE_FILE || type == FileMode.TYPE_SYMLINK;
        }
    }

    private Dir directory(ObjectReader reader, ObjectId id) throws IOException {
        Dir dir = directories.get(id);
        if (dir == null) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (CanonicalTreeParser p = new CanonicalTreeParser(null, reader, id); !p.eof(); p.next()) {
                entries.put(p.getEntryPathString(), new Entry(p.getEntryRawMode(), p.getEntryObjectId()));
            }
            dir = new Dir(entries);
            directories.put(id.copy(), dir);
        }
        return dir;
    }

    /** The files of one commit's tree; {@code commit} and {@code root} are {@code null} for the empty tree. */
    private final class GitFileTree implements FileTree {
        private final String commit;
        private final ObjectId root;

        GitFileTree(String commit, ObjectId root) {
            this.commit = commit;
            this.root = root;
        }

        @Override
        public String commit() {
            return commit;
        }

        @Override
        public boolean contains(String path) {
            Entry e = entry(path);
            return e != null && e.isFile();
        }

        @Override
        public Optional<FileContent> file(String path) {
            Entry e = entry(path);
            if (e == null || !e.isFile()) {
                return Optional.empty();
            }
            try (ObjectReader reader = newReader()) {
                return Optional.of(new GitFileContent(path, commit, e.id, reader.getObjectSize(e.id, Constants.OBJ_BLOB)));
            } catch (IOException x) {
                throw CommitReader.failure(name, x);
            }
        }

        @Override
        public List<String> files(String directory) {
            List<String> out = new ArrayList<>();
            try (ObjectReader reader = newReader()) {
                Dir dir = dir(reader, directory);
                if (dir != null) {
                    String prefix = prefix(directory);
                    collect(reader, dir, prefix, out);
                }
            } catch (IOException x) {
                throw CommitReader.failure(name, x);
            }
            Collections.sort(out);
            return out;
        }

        private void collect(ObjectReader reader, Dir dir, String prefix, List<String> out) throws IOException {
            for (Map.Entry<String, Entry> e : dir.entries.entrySet()) {
                if (e.getValue().isDirectory()) {
                    collect(reader, directory(reader, e.getValue().id), prefix + e.getKey() + "/", out);
                } else if (e.getValue().isFile()) {
                    out.add(prefix + e.getKey());
                }
            }
        }

        @Override
        public List<String> directories(String directory) {
            List<String> out = new ArrayList<>();
            try (ObjectReader reader = newReader()) {
                Dir dir = dir(reader, directory);
                if (dir != null) {
                    dir.entries.forEach((n, e) -> {
                        if (e.isDirectory()) {
                            out.add(n);
                        }
                    });
                }
            } catch (IOException x) {
                throw CommitReader.failure(name, x);
            }
            Collections.sort(out);
            return out;
        }

        /** The entry at {@code path}, or {@code null}. */
        private Entry entry(String path) {
            Objects.requireNonNull(path, "path");
            int slash = path.lastIndexOf('/');
            String fileName = path.substring(slash + 1);
            if (root == null || fileName.isEmpty() || path.startsWith("/")) {
                return null; // paths are relative to the root
            }
            try (ObjectReader reader = newReader()) {
                Dir dir = dir(reader, slash < 0 ? "" : path.substring(0, slash));
                return dir == null ? null : dir.entries.get(fileName);
            } catch (IOException x) {
                throw CommitReader.failure(name, x);
            }
        }

        /** The directory at {@code path} ({@code ""} or {@code "/"} for the root; a trailing slash is allowed). */
        private Dir dir(ObjectReader reader, String path) throws IOException {
            Objects.requireNonNull(path, "directory");
            if (root == null) {
                return null;
            }
            Dir dir = directory(reader, root);
            String rest = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            if (rest.isEmpty()) {
                return dir;
            }
            for (String part : rest.split("/", -1)) {
                Entry e = dir.entries.get(part);
                if (e == null || !e.isDirectory()) {
                    return null;
                }
                dir = directory(reader, e.id);
            }
            return dir;
        }

        private static String prefix(String directory) {
            if (directory.isEmpty() || directory.equals("/")) {
                return "";
            }
            return directory.endsWith("/") ? directory : directory + "/";
        }

        @Override
        public String toString() {
            return commit == null ? "the empty tree" : "the tree of " + commit;
        }
    }

    /** One file's content, read on demand through a reader of its own. */
    private final class GitFileContent implements FileContent {
        private final String path;
        private final String commit;
        private final ObjectId id;
        private final long size;

        GitFileContent(String path, String commit, ObjectId id, long size) {
            this.path = path;
            this.commit = commit;
            this.id = id;
            this.size = size;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public String id() {
            return id.name();
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open() {
            ObjectReader reader = newReader();
            try {
                ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
                if (!loader.isLarge()) {
                    byte[] bytes = loader.getCachedBytes();
                    reader.close();
                    return new ByteArrayInputStream(bytes);
                }
                // a large object streams from the pack: the reader must stay open until the stream closes
                return new FilterInputStream(loader.openStream()) {
                    @Override
                    public void close() throws IOException {
                        try {
                            super.close();
                        } finally {
                            reader.close();
                        }
                    }
                };
            } catch (IOException | RuntimeException e) {
                reader.close();
                if (e instanceof IOException io) {
                    throw CommitReader.failure(name, io);
                }
                throw (RuntimeException) e;
            }
        }

        @Override
        public byte[] bytes(long maxBytes) {
            if (maxBytes < 0) {
                throw new IllegalArgumentException("maxBytes must be 0 or more, was " + maxBytes);
            }
            if (size > maxBytes || size > MAX_ARRAY) {
                throw new GovernanceException(path + "@" + Changes.abbreviate(commit), 0, "the file is " + size
                        + " bytes, larger than the " + Math.min(maxBytes, MAX_ARRAY) + " bytes a reader accepts");
            }
            try (ObjectReader reader = newReader()) {
                // a fresh loader per call: its array is the caller's alone
                return reader.open(id, Constants.OBJ_BLOB).getCachedBytes((int) size);
            } catch (IOException e) {
                throw CommitReader.failure(name, e);
            }
        }

        @Override
        public String toString() {
            return path + "@" + Changes.abbreviate(commit) + " (" + size + " bytes)";
        }
    }
}
