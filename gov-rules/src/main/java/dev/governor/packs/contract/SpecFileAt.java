package dev.governor.packs.contract;

import dev.governor.api.Change;
import dev.governor.api.SpecFile;

/**
 * A spec file under a contracts directory, with the change that last added or modified it (findings about it
 * are attributed to that change), or {@code null} when no change read did.
 */
public record SpecFileAt(SpecFile file, Change change) {
    public String path() {
        return file.path();
    }
}
