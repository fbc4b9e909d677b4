package dev.governor.internal.policy;

import dev.governor.api.Policy;
import java.nio.file.Path;

/** Reads {@code governance.yml} into a {@link Policy}. (Being written.) */
public final class PolicyLoader {
    private PolicyLoader() {
    }

    public static Policy load(Path file) {
        return load(file, file.toString());
    }

    public static Policy load(Path file, String displayName) {
        return Policy.defaults();
    }

    public static Policy parse(String yaml, String displayName) {
        return Policy.defaults();
    }
}
