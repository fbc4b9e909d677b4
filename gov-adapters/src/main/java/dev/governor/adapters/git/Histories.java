package dev.governor.adapters.git;

import dev.governor.api.GovernanceException;
import dev.governor.api.History;
import dev.governor.api.Policy;
import dev.governor.api.policy.IntentPolicy;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The histories a process has opened, and their repositories: a warm process (a server, a test suite)
 * re-reads nothing when the head did not move, and diffs only the new commits when it did (each
 * repository keeps the commits it read, as the fact cache does on disk). A history is found again by
 * everything that shapes its changes: the git directory, branch and head, {@code since}, the policy's
 * inference switch, the fact settings (rename detection, shallow boundary) and the content of the PR
 * records. Both caches are small and bounded; an evicted repository is not closed, as histories handed
 * out may still read trees through it: it goes when the last of them does.
 */
final class Histories {

    /** The process's histories. */
    static final Histories SHARED = new Histories(4, 8);

    private final Map<Path, Repo> repositories;
    private final Map<Key, GitRepositoryHistory> histories;
    /** Histories read rather than found: what shows a warm process reads nothing again. */
    private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();

    Histories(int repositories, int histories) {
        this.repositories = lru(repositories);
        this.histories = lru(histories);
    }

    private static <K, V> Map<K, V> lru(int size) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }

    /** What identifies one read: equal keys give equal changes. */
    private record Key(Path gitDir, String branch, String head, Instant since, boolean infer, String settings,
                       String prRecords) {}

    /** One repository, open, with the commits read from it so far (by SHA, under {@code settings}). */
    private static final class Repo {
        final Repository repository;
        String settings;
        Map<String, CommitData> known;

        Repo(Repository repository) {
            this.repository = repository;
        }
    }

    /** As {@link dev.governor.api.HistoryProvider#open}. */
    GitRepositoryHistory open(Path dir, String branch, Instant since, Policy policy) {
        Objects.requireNonNull(dir, "repository");
        Objects.requireNonNull(policy, "policy");
        String name = dir.toString();
        Repo repo = repository(dir);
        // one read per repository at a time: a second caller then finds the history the first one read
        synchronized (repo) {
            try {
                Repository repository = repo.repository;
                Target target = Target.resolve(repository, name, branch != null ? branch : policy.branch());
                String settings = CommitReader.settings(repository);
                Path workTree = repository.isBare() ? null : repository.getWorkTree().toPath();
                Key key = new Key(repository.getDirectory().toPath(), target.branch(),
                        target.unborn() ? "" : target.head().name(), since,
                        policy.section(IntentPolicy.SECTION).inferFromConventionalCommits(), settings, prRecords(workTree));
                GitRepositoryHistory cached = cached(key);
                if (cached != null) {
                    return cached;
                }
                FactCache cache = new FactCache(key.gitDir(), settings);
                if (!settings.equals(repo.settings)) {
                    repo.known = cache.load();
                    repo.settings = settings;
                }
                GitHistory.Loaded loaded = GitHistory.load(repository, target, since, policy, repo.known,
                        GitHistory.prRecords(repository));
                if (loaded.computed() > 0) {
                    cache.store(repo.known.values());
                }
                reads.incrementAndGet();
                GitRepositoryHistory history = new GitRepositoryHistory(repository, name, loaded);
                synchronized (this) {
                    histories.put(key, history);
                }
                return history;
            } catch (IOException e) {
                throw CommitReader.failure(name, e);
            }
        }
    }

    /** How many histories this process read rather than found in its cache. */
    long reads() {
        return reads.get();
    }

    private synchronized GitRepositoryHistory cached(Key key) {
        return histories.get(key);
    }

    /** The open repository at or above {@code dir}, opened once per git directory. */
    private Repo repository(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        builder.findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new GovernanceException(dir.toString(), 0, GitHistory.NOT_A_REPOSITORY);
        }
        Path gitDir;
        try {
            gitDir = builder.getGitDir().toPath().toRealPath();
        } catch (IOException e) {
            throw new GovernanceException(dir.toString(), 0, GitHistory.NOT_A_REPOSITORY, e);
        }
        synchronized (this) {
            Repo repo = repositories.get(gitDir);
            if (repo == null || !Files.isDirectory(gitDir.resolve("objects"))) {
                repo = new Repo(GitHistory.build(dir, builder));
                repositories.put(gitDir, repo);
            }
            return repo;
        }
    }

    /**
     * A digest of every file under {@code .gov/prs/} (names and content), or {@code ""} when there are none:
     * PR records shape changes, and their content, unlike a timestamp, cannot be too coarse to see an edit.
     */
    static String prRecords(Path workTree) throws IOException {
        if (workTree == null) {
            return "";
        }
        Path dir = workTree.resolve(PrRecords.DIR);
        if (!Files.isDirectory(dir)) {
            return "";
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        MessageDigest digest = sha1();
        for (Path file : files) {
            byte[] name = dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8);
            byte[] content = Files.readAllBytes(file);
            digest.update(name);
            digest.update((byte) 0);
            digest.update(Long.toString(content.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
            digest.update(content);
        }
        return files.size() + ":" + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    /** Forgets every history and repository (tests measure cold reads with it). */
    synchronized void clear() {
        histories.clear();
        repositories.clear();
    }
}
