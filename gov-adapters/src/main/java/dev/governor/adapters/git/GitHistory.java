package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.GovernanceException;
import dev.governor.api.Policy;
import dev.governor.api.Review;
import dev.governor.api.policy.IntentPolicy;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A git repository's change history as Governor sees it (spec/formats.md, "Changes (pull requests)
 * from git"): each commit on the target branch's first-parent history is one {@link Change}, with
 * its files diffed against the first parent and its metadata read from trailers, the merged side,
 * PR records in {@code .gov/prs/} and, if the policy allows, a Conventional Commits subject.
 * Usable without the rest of Governor, by benchmarks and host tools:
 *
 * <pre>{@code
 * try (GitHistory git = GitHistory.open(Path.of("."))) {
 *     GitHistory.Result history = git.read(null, null, Policy.defaults());
 *     history.changes().forEach(c -> System.out.println(c.id() + " " + c.files().size()));
 * }
 * }</pre>
 *
 * Raw per-commit data is cached under the git directory ({@code governor/}), so a second read skips
 * the diffs; deleting that directory is always safe. Each call reads afresh; a process that checks the
 * same repository repeatedly (a server, a test suite) opens its history through {@link GitHistoryProvider},
 * which keeps what it read.
 */
public final class GitHistory implements AutoCloseable {

    static final String NOT_A_REPOSITORY = "not a git repository: give the root of a git repository (the directory that holds .git)";

    private final String name;
    private final Repository repository;
    private final boolean useCache;

    private GitHistory(String name, Repository repository, boolean useCache) {
        this.name = name;
        this.repository = repository;
        this.useCache = useCache;
    }

    /**
     * Opens the repository at {@code repo} or, as git does, the nearest enclosing one.
     *
     * @throws GovernanceException when there is no repository there
     */
    public static GitHistory open(Path repo) {
        return open(repo, true);
    }

    /** As {@link #open(Path)}; without the fact cache when {@code useCache} is false (to measure cold reads). */
    public static GitHistory open(Path repo, boolean useCache) {
        Objects.requireNonNull(repo, "repo");
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        builder.findGitDir(repo.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new GovernanceException(repo.toString(), 0, NOT_A_REPOSITORY);
        }
        return new GitHistory(repo.toString(), build(repo, builder), useCache);
    }

    /** Opens the repository {@code builder} found for {@code repo}. */
    static Repository build(Path repo, FileRepositoryBuilder builder) {
        try {
            return builder.build();
        } catch (RepositoryNotFoundException | IllegalArgumentException e) {
            throw new GovernanceException(repo.toString(), 0, NOT_A_REPOSITORY, e);
        } catch (IOException e) {
            throw new GovernanceException(repo.toString(), 0, "cannot open the git repository: " + e.getMessage(), e);
        }
    }

    /**
     * The changes on a branch's first-parent history, oldest first, and the reviews their PR records give.
     *
     * @param branch the branch to read, or {@code null} for the policy's branch, else HEAD's branch
     * @param since  leave out changes merged before this instant, or {@code null} for all of them
     * @param policy the policy in force (its branch and {@code intent.inferFromConventionalCommits})
     * @throws GovernanceException for an unknown branch, a branch without commits or a malformed PR record
     */
    public Result read(String branch, Instant since, Policy policy) {
        Objects.requireNonNull(policy, "policy");
        try {
            Target target = Target.resolve(repository, name, branch != null ? branch : policy.branch());
            FactCache cache = useCache ? new FactCache(repository.getDirectory().toPath(), CommitReader.settings(repository))
                    : null;
            Map<String, CommitData> known = cache != null ? cache.load() : new HashMap<>();
            Loaded loaded = load(repository, target, since, policy, known, prRecords(repository));
            if (cache != null && loaded.computed() > 0) {
                cache.store(known.values());
            }
            return loaded.result();
        } catch (IOException e) {
            throw CommitReader.failure(name, e);
        }
    }

    /** The PR records of a repository's working tree; none for a bare repository. */
    static List<PrRecord> prRecords(Repository repository) {
        return repository.isBare() ? List.of() : PrRecords.read(repository.getWorkTree().toPath());
    }

    /**
     * One read: the result, the shallow boundary commit among the changes (or {@code null}) and how many
     * commits were diffed rather than found in {@code known}.
     */
    record Loaded(Result result, String boundary, int computed) {}

    /** Reads a branch's history, matching PR records: the one reading shared by this class and the provider. */
    static Loaded load(Repository repository, Target target, Instant since, Policy policy, Map<String, CommitData> known,
                       List<PrRecord> prs) throws IOException {
        if (target.unborn()) {
            // git's null id stands for the head that does not exist yet, as the report's head field needs 40 digits
            return new Loaded(new Result(ObjectId.zeroId().name(), target.branch(), false, List.of(), List.of()), null, 0);
        }
        CommitReader.Walk walk = CommitReader.read(repository, target.head(), since, known);
        Map<String, PrRecord> bySha = new HashMap<>();
        Map<String, PrRecord> byId = new HashMap<>();
        for (PrRecord pr : prs) {
            if (pr.mergeCommitSha() != null) {
                bySha.putIfAbsent(pr.mergeCommitSha(), pr);
            }
            byId.put("#" + pr.number(), pr);
        }
        List<Change> changes = new ArrayList<>(walk.commits().size());
        List<Review> reviews = new ArrayList<>();
        boolean infer = policy.section(IntentPolicy.SECTION).inferFromConventionalCommits();
        for (int i = 0; i < walk.commits().size(); i++) {
            CommitData c = walk.commits().get(i);
            String id = walk.ids().get(i);
            PrRecord pr = bySha.get(c.sha());
            if (pr == null) {
                // by number only the change that holds it: a reused number's later change has its SHA as id
                pr = byId.get(id);
            }
            Change change = Changes.change(c, id, i, pr, infer);
            changes.add(change);
            if (pr != null) {
                reviews.addAll(Changes.reviews(change.id(), pr));
            }
        }
        Result result = new Result(target.head().name(), target.branch(), walk.boundary() != null, changes, reviews);
        return new Loaded(result, walk.boundary(), walk.computed());
    }

    @Override
    public void close() {
        repository.close();
    }

    /**
     * What {@link #read} found.
     *
     * @param head    the full SHA of the branch's head commit
     * @param branch  the branch read ({@code HEAD} when HEAD is detached)
     * @param shallow whether the oldest change read is a shallow clone's boundary commit: its parent is not in
     *                the repository, so it touches no file (its files are unknown) and nothing before it is known
     * @param changes the changes, oldest first, in branch order ({@link Change#position()} is the index)
     * @param reviews the reviews PR records give, in the order of their changes
     */
    public record Result(String head, String branch, boolean shallow, List<Change> changes, List<Review> reviews) {
        public Result {
            Objects.requireNonNull(head, "head");
            Objects.requireNonNull(branch, "branch");
            changes = List.copyOf(changes);
            reviews = List.copyOf(reviews);
        }
    }
}
