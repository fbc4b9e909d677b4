package dev.governor.adapters.git;

import dev.governor.api.GovernanceException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The branch a read is about and its head commit.
 *
 * @param head   the head commit, or {@code null} when the repository has no commit at all yet
 * @param branch the branch's short name ({@code HEAD} when HEAD is detached)
 */
record Target(ObjectId head, String branch) {

    /** Whether there is nothing to read: a repository just made with {@code git init}. */
    boolean unborn() {
        return head == null;
    }

    /**
     * Resolves {@code wanted}, or HEAD's branch when {@code null}. A repository without any commit yet has an
     * empty history on every branch (the first thing a team checks after {@code git init} and {@code gov init}),
     * not an error.
     *
     * @param name the repository as the user named it, for messages
     * @throws GovernanceException for an unknown branch, or a branch without commits in a repository that has some
     */
    static Target resolve(Repository repository, String name, String wanted) throws IOException {
        if (repository.resolve(Constants.HEAD) == null
                && repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).isEmpty()) {
            String full = repository.getFullBranch();
            return new Target(null, wanted != null ? wanted
                    : full == null ? Constants.HEAD : Repository.shortenRefName(full));
        }
        if (wanted == null) {
            String full = repository.getFullBranch();
            ObjectId head = repository.resolve(Constants.HEAD);
            String shortName = full == null ? Constants.HEAD : Repository.shortenRefName(full);
            if (head == null) {
                throw new GovernanceException(name, 0, "the repository has no commits yet on branch '" + shortName
                        + "': commit first, or choose a branch that has commits");
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
                    + ": choose one of them, or fix 'branch' in governance.yml");
        }
        ObjectId head = repository.getRefDatabase().peel(ref).getPeeledObjectId();
        return new Target(head != null ? head : ref.getObjectId(), wanted);
    }
}
