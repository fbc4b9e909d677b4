package dev.governor.api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The policy in force: thresholds, layers, rule overrides. {@link #defaults()} is what an empty
 * {@code governance.yml} gives; every value matches {@code spec/rules.md}. Rules read thresholds from
 * the nested records, which are inserted as facts.
 *
 * @param source    where the policy was read from, or {@code null} for the defaults
 * @param sha256    the SHA-256 of the policy file's bytes (of the empty string for the defaults)
 * @param branch    the target branch, or {@code null} for the repository's HEAD branch
 * @param services  glob patterns of service directories, or empty to detect them by build files
 * @param intent    Intent layer settings
 * @param hotspot   hotspot thresholds
 * @param release   Release layer settings
 * @param learning  Learning layer settings
 * @param layers    the layers in force
 * @param adr       where ADRs live
 * @param contracts where the contract registry lives
 * @param rules     per-rule overrides by rule id
 * @param ruleDirs  directories of custom {@code .drl} files, relative to the repository root
 * @param since     ignore history before this date, or {@code null}
 */
public record Policy(String source, String sha256, String branch, List<String> services, Intent intent,
                     Hotspot hotspot, Release release, Learning learning, Set<Layer> layers, Adrs adr,
                     Contracts contracts, Map<String, RuleSetting> rules, List<String> ruleDirs, LocalDate since) {

    /** SHA-256 of zero bytes: the policy hash when there is no policy file. */
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public Policy {
        Objects.requireNonNull(sha256, "sha256");
        services = List.copyOf(services);
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(hotspot, "hotspot");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(learning, "learning");
        layers = layers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(layers));
        Objects.requireNonNull(adr, "adr");
        Objects.requireNonNull(contracts, "contracts");
        rules = Map.copyOf(rules);
        ruleDirs = List.copyOf(ruleDirs);
    }

    /** The policy an empty {@code governance.yml} gives. */
    public static Policy defaults() {
        return new Policy(null, EMPTY_SHA256, null, List.of(), new Intent(true), Hotspot.DEFAULT, Release.DEFAULT,
                Learning.DEFAULT, EnumSet.of(Layer.INTENT, Layer.CONTRACT, Layer.CHANGE, Layer.RELEASE, Layer.LEARNING),
                Adrs.DEFAULT, Contracts.DEFAULT, Map.of(), List.of(), null);
    }

    /** Whether the rules of this layer run. Custom rules always run. */
    public boolean inForce(Layer layer) {
        return layer == Layer.CUSTOM || layers.contains(layer);
    }

    /** The override for a rule, or {@link RuleSetting#NONE}. */
    public RuleSetting rule(String ruleId) {
        return rules.getOrDefault(ruleId, RuleSetting.NONE);
    }

    /** This policy with other hotspot thresholds (as {@code gov hotspots --window} asks). */
    public Policy withHotspot(Hotspot hotspot) {
        return new Policy(source, sha256, branch, services, intent, hotspot, release, learning, layers, adr, contracts,
                rules, ruleDirs, since);
    }

    /**
     * Intent layer settings.
     *
     * @param inferFromConventionalCommits infer a missing change type from a Conventional Commits subject
     */
    public record Intent(boolean inferFromConventionalCommits) {}

    /**
     * Hotspot thresholds: {@code count} tactical fixes on one file within {@code window} lock it.
     *
     * @param count  how many tactical fixes make a hotspot (at least 1)
     * @param window the span they must fall within (positive)
     * @param scope  whether a hotspot is a file or its parent directory
     */
    public record Hotspot(int count, Duration window, Scope scope) {
        public static final Hotspot DEFAULT = new Hotspot(3, Duration.ofDays(7), Scope.FILE);

        /** What a hotspot counts changes on. */
        public enum Scope {
            FILE, DIRECTORY;

            public String id() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        public Hotspot {
            if (count < 1) {
                throw new IllegalArgumentException("hotspot.count must be at least 1, was " + count);
            }
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("hotspot.window must be positive, was " + window);
            }
            Objects.requireNonNull(scope, "scope");
        }

        /** Whether hotspots are counted per directory rather than per file. */
        public boolean byDirectory() {
            return scope == Scope.DIRECTORY;
        }
    }

    /**
     * Release layer settings.
     *
     * @param requiredGates         gates every signed-off SHA needs a passing result for
     * @param independentReviewFrom the risk level from which a second person must approve
     */
    public record Release(List<String> requiredGates, Risk independentReviewFrom) {
        public static final Release DEFAULT = new Release(
                List.of("lint", "typecheck", "contract-diff", "version-bump", "security-scan"), Risk.HIGH);

        public Release {
            requiredGates = List.copyOf(requiredGates);
            Objects.requireNonNull(independentReviewFrom, "independentReviewFrom");
        }
    }

    /**
     * Learning layer settings.
     *
     * @param minRelativeChange how much worse a week must be than the one before to count as degraded
     * @param minSamples        fewer data points than this in a week give the metric no value
     */
    public record Learning(double minRelativeChange, int minSamples) {
        public static final Learning DEFAULT = new Learning(0.0, 1);
    }

    /** @param dirs directories holding ADR Markdown files */
    public record Adrs(List<String> dirs) {
        public static final Adrs DEFAULT = new Adrs(List.of("docs/adr", "doc/adr", "docs/decisions"));

        public Adrs {
            dirs = List.copyOf(dirs);
        }
    }

    /** @param registry the contract registry file */
    public record Contracts(String registry) {
        public static final Contracts DEFAULT = new Contracts("contracts/registry.yml");
    }

    /**
     * A rule's override.
     *
     * @param severity the severity to report it with, or {@code null} for the rule's own
     * @param enabled  whether it reports at all
     */
    public record RuleSetting(Severity severity, boolean enabled) {
        public static final RuleSetting NONE = new RuleSetting(null, true);
    }
}
