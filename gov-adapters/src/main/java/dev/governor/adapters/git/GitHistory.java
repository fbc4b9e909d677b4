package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.GovernanceException;
import dev.governor.api.Policy;
import dev.governor.api.Review;
import dev.governor.api.policy.IntentPolicy;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
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
import java.util.stream.Collectors;

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
 * the diffs; deleting that directory is always safe.
 */
public final class GitHistory implements AutoCloseable {

    static final String NOT_A_REPOSITORY = "not a git repository: run gov inside a repository or pass --repo DIR";

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
        try {
            return new GitHistory(repo.toString(), builder.build(), useCache);
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
        String wanted = branch != null ? branch : policy.branch();
        try {
            Target target = resolve(wanted);
            FactCache cache = useCache ? new FactCache(repository.getDirectory().toPath(), CommitReader.settings(repository))
                    : null;
            CommitReader.Walk walk = CommitReader.read(repository, target.head, since, cache);
            List<CommitData> commits = walk.commits();
            List<PrRecord> prs = repository.isBare() ? List.of() : PrRecords.read(repository.getWorkTree().toPath());
            Map<String, PrRecord> bySha = new HashMap<>();
            Map<String, PrRecord> byId = new HashMap<>();
            for (PrRecord pr : prs) {
                if (pr.mergeCommitSha() != null) {
                    bySha.putIfAbsent(pr.mergeCommitSha(), pr);
                }
                byId.put("#" + pr.number(), pr);
            }
            List<Change> changes = new ArrayList<>(commits.size());
            List<Review> reviews = new ArrayList<>();
            boolean infer = policy.section(IntentPolicy.SECTION).inferFromConventionalCommits();
            for (int i = 0; i < commits.size(); i++) {
                CommitData c = commits.get(i);
                String id = walk.ids().get(i);
                PrRecord pr = bySha.get(c.sha());
                if (pr == null) {
                    // by number only the change that holds it: a reused number's later change has its SHA as id
                    pr = byId.get(id);
                }
                Change change = Changes.change(c, id, pr, infer);
                changes.add(change);
                if (pr != null) {
                    reviews.addAll(Changes.reviews(change.id(), pr));
                }
            }
            return new Result(target.head.name(), target.branch, walk.boundary() != null, changes, reviews);
        } catch (IOException e) {
            throw CommitReader.failure(name, e);
        }
    }

    private record Target(ObjectId head, String branch) {}

    private Target resolve(String wanted) throws IOException {
        if (wanted == null) {
            String full = repository.getFullBranch();
            ObjectId head = repository.resolve(Constants.HEAD);
            String shortName = full == null ? Constants.HEAD : Repository.shortenRefName(full);
            if (head == null) {
                throw new GovernanceException(name, 0, "the repository has no commits yet on branch '" + shortName
                        + "': commit first, or pass --branch with a branch that has commits");
            }
            return new Target(head, ObjectId.isId(shortName) ? Constants.HEAD : shortName);
        }
        Ref ref = repository.exactRef(Constants.R_HEADS + wanted);
        if (ref == null) {
            ref = repository.findRef(wanted);
        }
        if (ref == null || ref.getObjectId() == null) {
            List<Ref> heads = repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS);
            if (heads.isEmpty()) {
                throw new GovernanceException(name, 0, "the repository has no commits yet (branch '" + wanted
                        + "' does not exist): commit first");
            }
            String names = heads.stream().map(r -> Repository.shortenRefName(r.getName())).sorted()
                    .collect(Collectors.joining(", "));
            throw new GovernanceException(name, 0, "unknown branch '" + wanted + "'; the branches are: " + names
                    + ". Pass --branch with one of them or fix 'branch' in governance.yml");
        }
        ObjectId head = repository.getRefDatabase().peel(ref).getPeeledObjectId();
        return new Target(head != null ? head : ref.getObjectId(), wanted);
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
     * @param changes the changes, oldest first
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
