package dev.governor.api.policy;

import dev.governor.api.Policy;
import java.util.List;

/**
 * {@code services:} in governance.yml: the directories that are service boundaries.
 *
 * @param globs glob patterns of service directories ({@code services/*}); empty to detect services by
 *              their build files (directories up to depth 2 holding a pom.xml, package.json, go.mod …)
 */
public record ServicesPolicy(List<String> globs) {
    /** The settings when {@code governance.yml} has no {@code services:} section (spec/rules.md). */
    public static final ServicesPolicy DEFAULT = new ServicesPolicy(List.of());
    /** The {@code services:} section of {@code governance.yml}: its key, type and defaults. */
    public static final Policy.Section<ServicesPolicy> SECTION = Policy.Section.of("services", ServicesPolicy.class, DEFAULT);

    public ServicesPolicy {
        globs = List.copyOf(globs);
    }
}
