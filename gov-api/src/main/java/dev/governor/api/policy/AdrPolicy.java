package dev.governor.api.policy;

import dev.governor.api.Policy;
import java.util.List;

/**
 * {@code adr:} in governance.yml.
 *
 * @param dirs directories holding ADR Markdown files, relative to the repository root
 */
public record AdrPolicy(List<String> dirs) {
    /** The settings when {@code governance.yml} has no {@code adr:} section (spec/rules.md). */
    public static final AdrPolicy DEFAULT = new AdrPolicy(List.of("docs/adr", "doc/adr", "docs/decisions"));
    /** The {@code adr:} section of {@code governance.yml}: its key, type and defaults. */
    public static final Policy.Section<AdrPolicy> SECTION = Policy.Section.of("adr", AdrPolicy.class, DEFAULT);

    public AdrPolicy {
        dirs = List.copyOf(dirs);
    }
}
