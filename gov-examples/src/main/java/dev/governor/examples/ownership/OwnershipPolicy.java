package dev.governor.examples.ownership;

import dev.governor.api.Policy;
import java.util.List;

/**
 * {@code ownership:} in governance.yml: where the CODEOWNERS file is.
 *
 * <pre>{@code
 * ownership: { codeowners: .github/CODEOWNERS }
 * }</pre>
 *
 * @param codeowners the CODEOWNERS file, relative to the repository root, or {@code null} to look where GitHub
 *                   does: {@code .github/CODEOWNERS}, then {@code CODEOWNERS}, then {@code docs/CODEOWNERS}
 */
public record OwnershipPolicy(String codeowners) {
    /** Where GitHub looks, in its order. */
    public static final List<String> GITHUB_LOCATIONS = List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS");
    public static final OwnershipPolicy DEFAULT = new OwnershipPolicy(null);
    public static final Policy.Section<OwnershipPolicy> SECTION =
            Policy.Section.of("ownership", OwnershipPolicy.class, DEFAULT);

    /** The files to look for, in order. */
    public List<String> locations() {
        return codeowners == null ? GITHUB_LOCATIONS : List.of(codeowners);
    }
}
