package dev.governor;

import dev.governor.api.Layer;
import dev.governor.api.Severity;
import java.util.List;
import java.util.Objects;

/**
 * A loaded rule, as {@code gov rules} and {@code gov explain} show it.
 *
 * @param id          the rule id, {@code <prefix>.<name>}
 * @param layer       its layer ({@link Layer#CUSTOM} for custom prefixes)
 * @param severity    the severity it reports with under the policy in force, or {@code null} when a custom
 *                    rule states none
 * @param enabled     whether the policy lets it report
 * @param source      {@code built-in}, or the file a custom rule came from
 * @param description what it checks (the DRL {@code @description})
 * @param thresholds  the policy keys it reads, with their values in force ({@code hotspot.count = 3})
 * @param example     an example of what makes it fire, or {@code null}
 * @param next        what to do about one of its findings ({@code @next}, with {@code {subject}} for the
 *                    finding's subject), or {@code null}
 * @param pack        the id of the pack it belongs to, or {@code null} for a rule of a custom rule file
 */
public record RuleInfo(String id, Layer layer, Severity severity, boolean enabled, String source, String description,
                       List<String> thresholds, String example, String next, String pack) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(source, "source");
        thresholds = List.copyOf(thresholds);
    }

    /** What to do about a finding of this rule on {@code subject}, or {@code null} when the rule does not say. */
    public String next(String subject) {
        return next == null ? null : next.replace("{subject}", subject);
    }
}
