package dev.governor.examples.ownership;

import dev.governor.api.Change;
import java.util.List;
import java.util.Objects;

/**
 * One file a change touched, with its owners as the CODEOWNERS of that change's commit says: the fact the
 * ownership pack derives for its rules.
 *
 * @param change     the change
 * @param path       the file's path after the change
 * @param owners     its owners; empty when no rule gives it one
 * @param codeowners the CODEOWNERS file read, or {@code null} when the commit has none
 */
public record OwnedFile(Change change, String path, List<String> owners, String codeowners) {
    public OwnedFile {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(path, "path");
        owners = List.copyOf(owners);
    }

    /** Whether nobody owns it. */
    public boolean unowned() {
        return owners.isEmpty();
    }
}
