package dev.governor.api.policy;

import dev.governor.api.Policy;
import java.util.List;

/**
 * {@code adr:} in governance.yml.
 *
 * @param dirs directories holding ADR Markdown files, relative to the repository root
 */
public record AdrPolicy(List<String> dirs) {
    public static final AdrPolicy DEFAULT = new AdrPolicy(List.of("docs/adr", "doc/adr", "docs/decisions"));
    public static final Policy.Section<AdrPolicy> SECTION = Policy.Section.of("adr", AdrPolicy.class, DEFAULT);

    public AdrPolicy {
        dirs = List.copyOf(dirs);
    }
}
