package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.FileTree;
import dev.governor.api.GovernanceException;
import dev.governor.api.History;
import dev.governor.api.Review;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link History} read from a git repository. The changes are read at once; trees are read only when
 * asked for, and kept ({@link Trees}). Every read of git objects opens its own {@link ObjectReader}, so
 * one instance serves many threads.
 */
final class GitRepositoryHistory implements History {

    private static final int MIN_SHA_PREFIX = 7;

    private final String name;
    private final GitHistory.Result result;
    private final String boundary;
    private final int computed;
    private final Trees trees;
    private final Repository repository;
    private volatile Index index; // built on the first look-up: a check that looks nothing up pays nothing

    /** The changes by id and by SHA, and the SHAs sorted for prefix look-ups. */
    private record Index(Map<String, Change> byId, Map<String, Change> bySha, String[] shas) {
        static Index of(List<Change> changes) {
            Map<String, Change> byId = new HashMap<>();
            Map<String, Change> bySha = new HashMap<>();
            for (Change c : changes) {
                byId.put(c.id(), c);
                bySha.put(c.sha(), c);
            }
            String[] shas = bySha.keySet().toArray(new String[0]);
            Arrays.sort(shas);
            return new Index(byId, bySha, shas);
        }
    }

    /**
     * @param repository the repository, shared and open for as long as this history is used
     * @param name       the repository as the user named it, for messages
     * @param loaded     what one read found
     */
    GitRepositoryHistory(Repository repository, String name, GitHistory.Loaded loaded) {
        this.name = name;
        this.result = loaded.result();
        this.boundary = loaded.boundary();
        this.computed = loaded.computed();
        this.trees = new Trees(repository, name);
        this.repository = repository;
    }

    /** The repository read, open for as long as this history is used. */
    Repository repository() {
        return repository;
    }

    private Index index() {
        Index i = index;
        if (i == null) {
            i = Index.of(result.changes());
            index = i; // a race builds it twice, never wrongly
        }
        return i;
    }

    /** How many commits this read diffed rather than found in the fact cache. */
    int computed() {
        return computed;
    }

    /** What {@link GitHistory#read} gives for the same read. */
    GitHistory.Result result() {
        return result;
    }

    @Override
    public String head() {
        return result.head();
    }

    @Override
    public String branch() {
        return result.branch();
    }

    @Override
    public boolean shallow() {
        return result.shallow();
    }

    @Override
    public List<Change> changes() {
        return result.changes();
    }

    @Override
    public List<Review> reviews() {
        return result.reviews();
    }

    /**
     * {@inheritDoc}
     *
     * @throws GovernanceException when an abbreviated SHA names more than one change
     */
    @Override
    public Optional<Change> change(String idOrSha) {
        Objects.requireNonNull(idOrSha, "idOrSha");
        Index index = index();
        Map<String, Change> bySha = index.bySha();
        String[] shas = index.shas();
        Change byIdMatch = index.byId().get(idOrSha);
        if (byIdMatch != null) {
            return Optional.of(byIdMatch);
        }
        String sha = idOrSha.toLowerCase(Locale.ROOT);
        if (sha.length() < MIN_SHA_PREFIX || sha.length() > Constants.OBJECT_ID_STRING_LENGTH || !isHex(sha)) {
            return Optional.empty();
        }
        int at = Arrays.binarySearch(shas, sha);
        int first = at >= 0 ? at : -at - 1;
        if (first >= shas.length || !shas[first].startsWith(sha)) {
            return Optional.empty();
        }
        if (first + 1 < shas.length && shas[first + 1].startsWith(sha)) {
            throw new GovernanceException(name, 0, "'" + idOrSha + "' names more than one change ("
                    + bySha.get(shas[first]).id() + ", " + bySha.get(shas[first + 1]).id() + " …): give more digits");
        }
        return Optional.of(bySha.get(shas[first]));
    }

    @Override
    public FileTree tree(Change change) {
        return trees.atCommit(ObjectId.fromString(own(change).sha()));
    }

    @Override
    public Optional<FileTree> parentTree(Change change) {
        Change own = own(change);
        if (own.sha().equals(boundary)) {
            return Optional.empty(); // a shallow clone's boundary: its parent is not in the repository
        }
        ObjectId parent;
        try (ObjectReader reader = trees.newReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(own.sha()));
            if (commit.getParentCount() == 0) {
                return Optional.of(trees.empty());
            }
            parent = commit.getParent(0).copy();
        } catch (IOException e) {
            throw CommitReader.failure(name, e);
        }
        return Optional.of(trees.atCommit(parent));
    }

    /** The change of this history that {@code change} is (by SHA); anything else is the caller's mistake. */
    private Change own(Change change) {
        Change own = change.sha() == null ? null : index().bySha().get(change.sha());
        if (own == null) {
            throw new IllegalArgumentException("change " + change.id() + " is not in this history of " + name
                    + " (" + result.branch() + " at " + Changes.abbreviate(result.head()) + ")");
        }
        return own;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "History of " + name + " (" + result.branch() + " at " + Changes.abbreviate(result.head()) + ", "
                + result.changes().size() + " changes" + (result.shallow() ? ", shallow" : "") + ")";
    }
}
