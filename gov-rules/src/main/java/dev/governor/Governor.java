package dev.governor;

import dev.governor.api.Change;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.GovernanceException;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.internal.engine.Engine;
import dev.governor.internal.engine.RuleSet;
import dev.governor.internal.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The entry point: runs the governance rules over the facts of a repository or of host tools.
 * Immutable and thread-safe; many threads may call {@link #check()} at once.
 *
 * <pre>{@code
 * Governor governor = Governor.builder()
 *     .repository(Path.of("."))                 // embedded default: git history + files in the repo
 *     .policy(Path.of("governance.yml"))        // optional: else the repo's governance.yml, else defaults
 *     .rules(Path.of("governance/rules"))       // optional, repeatable: custom .drl files
 *     .clock(Clock.fixed(now, ZoneOffset.UTC))  // optional
 *     .build();
 * Report report = governor.check();
 * }</pre>
 */
public final class Governor {

    private final Path repository;
    private final String branch;
    private final Instant since;
    private final Policy policy;
    private final Clock clock;
    private final List<FactSource> sources;
    private final RuleSet rules;

    private Governor(Builder b, Policy policy, RuleSet rules) {
        this.repository = b.repository;
        this.branch = b.branch != null ? b.branch : policy.branch();
        this.since = b.since;
        this.policy = policy;
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.sources = List.copyOf(b.sources);
        this.rules = rules;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs every layer in force and reports every finding. */
    public Report check() {
        return check(Scope.all());
    }

    /**
     * Runs every layer in force over the whole history and reports the findings {@code scope} keeps.
     *
     * @throws GovernanceException when a fact source meets bad input (naming file and line), or a change of
     *                             the scope is not in the history read
     */
    public Report check(Scope scope) {
        Objects.requireNonNull(scope, "scope");
        Engine.Outcome outcome = engine().run(false);
        List<Finding> kept = scope.isAll() ? outcome.findings() : within(scope, outcome);
        return new Report(kept, outcome.evaluatedAt(), outcome.origin(), policy.source(), policy.sha256(),
                Version.RULE_PACK, inForce(), outcome.factCounts(), 0);
    }

    private Set<Layer> inForce() {
        Set<Layer> layers = EnumSet.noneOf(Layer.class);
        for (Layer layer : Layer.values()) {
            if (layer != Layer.CUSTOM && policy.inForce(layer)) {
                layers.add(layer);
            }
        }
        return layers;
    }

    /**
     * The findings attributed to the scope's changes, given by id or by (abbreviated) SHA. A change that
     * is not in the history read is an error, not an empty result: a mistyped id must not pass CI.
     */
    private static List<Finding> within(Scope scope, Engine.Outcome outcome) {
        Set<String> ids = new HashSet<>();
        for (String wanted : scope.changeIds()) {
            boolean found = false;
            for (Change c : outcome.changes()) {
                if (c.id().equals(wanted) || c.sha() != null && wanted.length() >= 7 && c.sha().startsWith(wanted)) {
                    ids.add(c.id());
                    found = true;
                }
            }
            if (!found) {
                throw new GovernanceException(null, 0, "change '" + wanted + "' is not in the history read ("
                        + outcome.changes().size() + " changes): give a change id like #42 or a commit SHA of "
                        + "the branch, or read further back with --since");
            }
        }
        return outcome.findings().stream().filter(f -> f.change() != null && ids.contains(f.change())).toList();
    }

    /**
     * Per file (or directory): tactical fixes in the last {@code hotspot.window}, and whether it is locked,
     * in {@link HotspotStatus#ORDER}.
     */
    public List<HotspotStatus> hotspots() {
        List<HotspotStatus> states = new ArrayList<>(engine().run(true).states());
        states.sort(HotspotStatus.ORDER);
        return states;
    }

    /** The rules loaded (built-in and custom), with their severities under this policy. */
    public List<RuleInfo> rules() {
        return rules.describe(policy);
    }

    /** The policy in force. */
    public Policy policy() {
        return policy;
    }

    private Engine engine() {
        return new Engine(rules, policy, repository, branch, since, clock, sources);
    }

    /**
     * Configures a {@link Governor}. Each setting may be given once; {@link #build()} reads the policy and
     * compiles custom rules, and throws {@link GovernanceException} naming file and line when either is bad.
     */
    public static final class Builder {
        private Path repository;
        private String branch;
        private Instant since;
        private Path policyFile;
        private Policy policy;
        private Clock clock;
        private final List<Path> ruleDirs = new ArrayList<>();
        private final List<FactSource> sources = new ArrayList<>();
        private boolean serviceSources = true;
        private Duration hotspotWindow;

        private Builder() {
        }

        /** Reads history and files from this repository (with gov-adapters on the class path). */
        public Builder repository(Path root) {
            requireUnset(repository, "repository");
            this.repository = Objects.requireNonNull(root, "repository");
            return this;
        }

        /** The branch whose first-parent history is read; default the policy's {@code branch}, else HEAD's. */
        public Builder branch(String name) {
            requireUnset(branch, "branch");
            this.branch = Objects.requireNonNull(name, "branch");
            return this;
        }

        /** Ignores history merged before this instant; default the policy's {@code since}. */
        public Builder since(Instant instant) {
            requireUnset(since, "since");
            this.since = Objects.requireNonNull(instant, "since");
            return this;
        }

        /** Reads the policy from this file instead of the repository's {@code governance.yml}. */
        public Builder policy(Path file) {
            requireUnset(policyFile != null ? policyFile : policy, "policy");
            this.policyFile = Objects.requireNonNull(file, "policy");
            return this;
        }

        /** Uses this policy as it is. */
        public Builder policy(Policy given) {
            requireUnset(policyFile != null ? policyFile : policy, "policy");
            this.policy = Objects.requireNonNull(given, "policy");
            return this;
        }

        /**
         * Replaces the policy's {@code hotspot.window}, whichever policy is in force ({@code gov hotspots
         * --window}); it changes which files lock as well as what counts as recent.
         */
        public Builder hotspotWindow(Duration window) {
            requireUnset(hotspotWindow, "hotspot window");
            this.hotspotWindow = Objects.requireNonNull(window, "hotspot window");
            return this;
        }

        /** Adds a directory of custom {@code .drl} files to the built-in pack (repeatable). */
        public Builder rules(Path dir) {
            this.ruleDirs.add(Objects.requireNonNull(dir, "rules"));
            return this;
        }

        /** The clock for "now" (default the system UTC clock); tests and reproducible reports fix it. */
        public Builder clock(Clock given) {
            requireUnset(clock, "clock");
            this.clock = Objects.requireNonNull(given, "clock");
            return this;
        }

        /** Adds host-supplied facts, beside the repository's (repeatable). */
        public Builder facts(FactSource... more) {
            for (FactSource s : more) {
                sources.add(Objects.requireNonNull(s, "fact source"));
            }
            return this;
        }

        /** Adds facts built in memory. */
        public Builder facts(Facts facts) {
            Objects.requireNonNull(facts, "facts");
            sources.add(context -> facts);
            return this;
        }

        /** Uses only the sources given here, not those found with {@link java.util.ServiceLoader}. */
        public Builder withoutServiceLoadedSources() {
            this.serviceSources = false;
            return this;
        }

        /**
         * Reads the policy, compiles custom rules, and returns an immutable {@link Governor}.
         *
         * @throws GovernanceException when the policy or a rule file is bad, or the repository is not a directory
         */
        public Governor build() {
            if (repository != null && !Files.isDirectory(repository)) {
                throw new GovernanceException(repository.toString(), 0,
                        "not a directory: give the root of a git repository");
            }
            Policy resolved = policy != null ? policy : resolvePolicy();
            if (hotspotWindow != null) {
                Policy.Hotspot h = resolved.hotspot();
                resolved = resolved.withHotspot(new Policy.Hotspot(h.count(), hotspotWindow, h.scope()));
            }
            List<Path> dirs = new ArrayList<>(ruleDirs);
            for (String dir : resolved.ruleDirs()) {
                Path base = repository != null ? repository : Path.of(".");
                dirs.add(base.resolve(dir));
            }
            if (serviceSources) {
                sources.addAll(0, Engine.serviceLoadedSources());
            }
            return new Governor(this, resolved, RuleSet.load(dirs));
        }

        private Policy resolvePolicy() {
            if (policyFile != null) {
                if (!Files.isRegularFile(policyFile)) {
                    throw new GovernanceException(policyFile.toString(), 0, "policy file not found");
                }
                return PolicyLoader.load(policyFile);
            }
            if (repository != null) {
                Path inRepo = repository.resolve("governance.yml");
                if (Files.isRegularFile(inRepo)) {
                    return PolicyLoader.load(inRepo, "governance.yml");
                }
            }
            return Policy.defaults();
        }

        private static void requireUnset(Object current, String what) {
            if (current != null) {
                throw new IllegalStateException(what + " was already set to " + current);
            }
        }
    }
}
