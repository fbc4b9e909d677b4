package dev.governor;

import dev.governor.api.Change;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.GovernanceException;
import dev.governor.api.HistoryProvider;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.input.Suggestions;
import dev.governor.internal.engine.Engine;
import dev.governor.internal.engine.Packs;
import dev.governor.internal.engine.QuietLogging;
import dev.governor.internal.engine.RuleSet;
import dev.governor.internal.policy.PolicyLoader;
import dev.governor.pack.ContextEntry;
import dev.governor.pack.Pack;
import dev.governor.pack.View;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

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

    static {
        QuietLogging.whenNoProvider(); // before Drools and JGit first log
    }

    /** How far back {@link #check()} reports when a repository is read and no {@code since} is given (spec/cli.md). */
    public static final Duration DEFAULT_REPORTED = Duration.ofDays(90);

    private final Path repository;
    private final String branch;
    private final Instant since;
    private final Policy policy;
    private final Clock clock;
    private final List<FactSource> sources;
    /** Whether the builder was given facts of the host's own (an empty set given on purpose is no mistake). */
    private final boolean hostFacts;
    private final Packs packs;
    private final RuleSet rules;
    private final List<RuleInfo> loaded;

    private Governor(Builder b, Policy policy, Packs packs, RuleSet rules, List<FactSource> sources) {
        this.repository = b.repository;
        this.branch = b.branch != null ? b.branch : policy.branch();
        this.since = b.since;
        this.policy = policy;
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.sources = List.copyOf(sources);
        this.hostFacts = !b.sources.isEmpty();
        this.packs = packs;
        this.rules = rules;
        // the policy and the rules are fixed: describe them once, for rules() and every report
        this.loaded = rules.describe(policy, packs).stream().map(d -> new RuleInfo(d.id(), d.layer(), d.severity(),
                d.enabled(), d.source(), d.description(), d.thresholds(), d.example(), d.next(), d.pack())).toList();
    }

    /** A builder with nothing set: give it a repository, facts, or both. */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs every pack in force and reports every finding (of the last 90 days when a repository is read). */
    public Report check() {
        return check(Scope.all());
    }

    /**
     * Runs every pack in force over the whole governed history and reports the findings {@code scope} keeps.
     *
     * @throws GovernanceException when a fact source meets bad input (naming file and line), or a change of
     *                             the scope is not in the history read
     */
    public Report check(Scope scope) {
        return evaluate(scope).report();
    }

    /**
     * Runs every pack in force once, and reads both the findings {@code scope} keeps and the rows of
     * {@code views} (a pack's queries, such as {@code IntentPack.HOTSPOTS}).
     *
     * @throws GovernanceException as {@link #check(Scope)}
     */
    public Evaluation evaluate(Scope scope, View<?>... views) {
        Objects.requireNonNull(scope, "scope");
        Engine.Outcome outcome = new Engine(rules, packs, policy, repository, branch, clock, sources,
                Governor.class.getClassLoader()).run(List.of(views));
        if (repository == null && !hostFacts && outcome.factCounts().values().stream().allMatch(n -> n == 0)) {
            // a check of nothing passes whatever the rules say: that is a mistake, not a green build
            throw new GovernanceException(null, 0, "nothing to check: this Governor reads no repository and was "
                    + "given no facts (the fact sources on the class path found none); add .repository(Path.of(\".\")) "
                    + "to check a git repository, or .facts(…) with facts of your own");
        }
        List<Finding> kept = scope.isAll() ? reported(outcome) : within(scope, outcome);
        Report report = new Report(kept, outcome.evaluatedAt(), outcome.origin(), outcome.shallow(), policy.source(),
                policy.sha256(), Version.RULE_PACK, inForce(), outcome.factCounts(), 0, outcome.findings(), null, loaded,
                outcome.changes());
        return new Evaluation(report, outcome.views());
    }

    /**
     * What a change to {@code paths} must know before it is made: every pack in force runs once over the whole
     * governed history, then tells its part for these paths (locks, covering ADRs and boundaries, contracts and
     * their consumers, recent reverts, open blockers, and whatever a pack of one's own tells). A path the head does
     * not have is still answered (it may be about to be created), and the context says so.
     *
     * <pre>{@code
     * Context context = governor.context(List.of("src/pay/Ledger.java", "services/billing/"));
     * context.of("intent");      // the lock on src/pay/Ledger.java, with the changes that locked it
     * }</pre>
     *
     * @param paths files or directories relative to the repository root ({@code /} or {@code \} separators); an
     *              absolute path inside the repository is taken relative to its root
     * @throws GovernanceException when no path is given, a path leaves the repository ({@code ..}, an absolute
     *                             path elsewhere) or is blank, or the run meets bad input as {@link #check(Scope)}
     */
    public Context context(Collection<String> paths) {
        Objects.requireNonNull(paths, "paths");
        List<String> asked = new ArrayList<>();
        for (String path : paths) {
            String p = relative(path);
            if (!asked.contains(p)) {
                asked.add(p);
            }
        }
        if (asked.isEmpty()) {
            throw new GovernanceException(null, 0, "no path to give the context of: name the files or directories "
                    + "about to change, like src/pay/Ledger.java");
        }
        Instant now = clock.instant();
        Instant recent = since != null ? since : now.minus(DEFAULT_REPORTED);
        Engine.Outcome outcome = new Engine(rules, packs, policy, repository, branch, clock, sources,
                Governor.class.getClassLoader()).run(List.of(), new Engine.ContextAsk(asked, recent));
        // the layers in the order reports list them (Intent, Contract, Change, Release, Learning), then other packs
        Map<String, List<ContextEntry>> byPack = new java.util.TreeMap<>(java.util.Comparator
                .comparing((String id) -> Layer.parse(id) == null ? Layer.values().length : Layer.parse(id).ordinal())
                .thenComparing(id -> id));
        byPack.putAll(outcome.context().byPack());
        List<Context.Path> heads = new ArrayList<>();
        outcome.context().heads().forEach((path, head) -> heads.add(new Context.Path(path, head)));
        return new Context(heads, byPack, outcome.evaluatedAt(), recent, outcome.origin());
    }

    /** A path as the packs compare it: relative to the repository root, {@code /} separators, no trailing slash. */
    private String relative(String given) {
        if (given == null || given.isBlank()) {
            throw new GovernanceException(null, 0, "a blank path: name a file or directory relative to the "
                    + "repository root, like src/pay/Ledger.java");
        }
        String p = given.strip().replace('\\', '/');
        Path asPath;
        try {
            asPath = Path.of(given.strip());
        } catch (java.nio.file.InvalidPathException e) {
            throw new GovernanceException(given, 0, "not a path: " + e.getReason() + "; name a file or directory "
                    + "relative to the repository root, like src/pay/Ledger.java");
        }
        if (asPath.isAbsolute()) {
            Path root = repository == null ? null : repository.toAbsolutePath().normalize();
            Path normal = asPath.normalize();
            if (root == null || !normal.startsWith(root)) {
                throw new GovernanceException(given, 0, "this path is outside the repository"
                        + (root == null ? "" : " " + root) + ": give a path relative to the repository root, like "
                        + "src/pay/Ledger.java");
            }
            p = root.relativize(normal).toString().replace('\\', '/');
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        List<String> segments = List.of(p.split("/", -1));
        if (p.isEmpty() || p.equals(".") || segments.contains("..") || segments.contains("")) {
            throw new GovernanceException(given, 0, "not a path inside the repository: give a file or directory "
                    + "relative to the repository root, like src/pay/Ledger.java (no '..', no empty segment)");
        }
        return String.join("/", segments.stream().filter(s -> !s.equals(".")).toList());
    }

    /**
     * Checks what is staged in the repository's index as one more change on top of the head, merged now (the
     * clock's reading), with {@code message} as its commit message (trailers and Conventional Commits type
     * read from it as from a commit's), and reports only that change's findings ({@code gov check --pending},
     * the commit-msg hook). The history under it is read through the history reader's cache: in a warm
     * process (a server, an IDE session) an unmoved head is not read again, and new commits are diffed alone.
     *
     * <pre>{@code
     * Report report = Governor.builder().repository(Path.of(".")).build()
     *     .checkPending("fix: round the ledger\n\nChange-Type: tactical-fix\nRisk: low");
     * boolean refused = !report.passed();
     * }</pre>
     *
     * @param message the commit message ({@code ""} for none: the change then has no declared type)
     * @throws GovernanceException when no repository is read, the repository has no index (a bare one) or
     *                             the index has unresolved conflicts
     */
    public Report checkPending(String message) {
        Objects.requireNonNull(message, "message");
        if (repository == null) {
            throw new GovernanceException(null, 0, "a pending change needs a repository: add .repository(Path.of(\".\"))"
                    + " to check what is staged in its index");
        }
        Engine.Outcome outcome = new Engine(rules, packs, policy, repository, branch, clock, sources,
                Governor.class.getClassLoader()).staged(message).run(List.of());
        List<Finding> kept = outcome.findings().stream()
                .filter(f -> HistoryProvider.STAGED.equals(f.change())).toList();
        return new Report(kept, outcome.evaluatedAt(), outcome.origin(), outcome.shallow(), policy.source(),
                policy.sha256(), Version.RULE_PACK, inForce(), outcome.factCounts(), 0, outcome.findings(), null, loaded,
                outcome.changes());
    }

    /** The built-in layers in force. */
    private Set<Layer> inForce() {
        Set<Layer> layers = EnumSet.noneOf(Layer.class);
        for (Pack pack : packs.inForce(policy)) {
            Layer layer = Layer.parse(pack.id());
            if (layer != null) {
                layers.add(layer);
            }
        }
        return layers;
    }

    /**
     * The findings from {@code since} on: the rules saw the whole governed history, the report shows what
     * arose since then (by default the last 90 days of a repository; facts given in memory are all shown).
     */
    private List<Finding> reported(Engine.Outcome outcome) {
        Instant from = since != null ? since : repository != null ? outcome.evaluatedAt().minus(DEFAULT_REPORTED) : null;
        if (from == null) {
            return outcome.findings();
        }
        Map<String, Instant> merged = new LinkedHashMap<>();
        outcome.changes().forEach(c -> merged.put(c.id(), c.mergedAt()));
        List<Finding> kept = new ArrayList<>();
        for (Finding f : outcome.findings()) {
            Instant at = f.at() != null ? f.at() : f.change() != null ? merged.get(f.change()) : null;
            if (at == null || !at.isBefore(from)) {
                kept.add(f);
            }
        }
        return kept;
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
                        + "the branch (changes before the policy's since are not governed)");
            }
        }
        return outcome.findings().stream().filter(f -> f.change() != null && ids.contains(f.change())).toList();
    }

    /**
     * The rules loaded (of every pack and custom file), with their severities under this policy: built-in
     * rules first, then by id. Queries are not rules and are not listed.
     */
    public List<RuleInfo> rules() {
        return loaded;
    }

    /** The ids of the packs loaded, in the order they run. */
    public List<String> packs() {
        return packs.ids();
    }

    /** The policy in force. */
    public Policy policy() {
        return policy;
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
        private final List<Pack> packs = new ArrayList<>();
        private final List<UnaryOperator<Policy>> overrides = new ArrayList<>();
        private boolean serviceSources = true;

        private Builder() {
        }

        /**
         * Reads history and files from this repository (with gov-adapters on the class path). A relative path
         * is taken from the working directory; the policy and rule directories given as relative paths are
         * then taken from this root.
         */
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

        /**
         * Reports only findings that arose from this instant on (default: the last 90 days when a repository
         * is read). The rules always see the whole governed history (from the policy's {@code since}).
         */
        public Builder since(Instant instant) {
            requireUnset(since, "since");
            this.since = Objects.requireNonNull(instant, "since");
            return this;
        }

        /**
         * Reads the policy from this file instead of the repository's {@code governance.yml}. A relative path
         * is taken from the repository root (from the working directory when no repository is read), as
         * {@code ruleDirs} in {@code governance.yml} are.
         */
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
         * Changes one section of whichever policy is in force, for this Governor only ({@code gov hotspots
         * --window} replaces the hotspot window this way).
         *
         * <pre>{@code
         * builder.configure(HotspotPolicy.SECTION, h -> h.withWindow(Duration.ofDays(14)));
         * }</pre>
         */
        public <T> Builder configure(Policy.Section<T> section, UnaryOperator<T> change) {
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(change, "change");
            overrides.add(p -> p.with(section, Objects.requireNonNull(change.apply(p.section(section)), "section")));
            return this;
        }

        /**
         * Adds a directory of custom {@code .drl} files to the packs' rules (repeatable). A relative path is
         * taken from the repository root (from the working directory when no repository is read), as
         * {@code ruleDirs} in {@code governance.yml} are.
         */
        public Builder rules(Path dir) {
            this.ruleDirs.add(Objects.requireNonNull(dir, "rules"));
            return this;
        }

        /** Adds a pack that is not registered with {@link java.util.ServiceLoader} (repeatable). */
        public Builder pack(Pack pack) {
            this.packs.add(Objects.requireNonNull(pack, "pack"));
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

        /** Uses only the fact sources given here, not those found with {@link java.util.ServiceLoader}. */
        public Builder withoutServiceLoadedSources() {
            this.serviceSources = false;
            return this;
        }

        /**
         * Reads the policy, compiles custom rules, and returns an immutable {@link Governor}.
         *
         * @throws GovernanceException when the policy or a rule file is bad, a rule override names no loaded
         *                             rule, or the repository is not a directory
         */
        public Governor build() {
            if (repository != null && !Files.isDirectory(repository)) {
                throw new GovernanceException(repository.toString(), 0,
                        "not a directory: give the root of a git repository");
            }
            ClassLoader loader = Governor.class.getClassLoader();
            RuleSet.preload();
            Packs loaded = Packs.load(loader, packs, true);
            Policy resolved = policy != null ? policy : resolvePolicy(loaded);
            for (UnaryOperator<Policy> override : overrides) {
                resolved = override.apply(resolved);
            }
            List<Path> dirs = new ArrayList<>();
            ruleDirs.forEach(dir -> dirs.add(inRepository(dir)));
            for (String dir : resolved.ruleDirs()) {
                dirs.add(inRepository(Path.of(dir)));
            }
            RuleSet ruleSet = RuleSet.load(loaded, dirs, loader);
            checkRuleOverrides(resolved, ruleSet.ruleIds(resolved, loaded));
            List<FactSource> all = new ArrayList<>();
            if (serviceSources) {
                all.addAll(Engine.serviceLoadedSources(loader));
            }
            all.addAll(sources);
            return new Governor(this, resolved, loaded, ruleSet, all);
        }

        /** A rule id under {@code rules:} that no loaded rule has is a typo that would silently do nothing. */
        private static void checkRuleOverrides(Policy policy, Set<String> known) {
            for (Map.Entry<String, Policy.RuleSetting> e : policy.rules().entrySet()) {
                if (!known.contains(e.getKey())) {
                    String near = Suggestions.closest(e.getKey(), new TreeSet<>(known), Math.max(2, e.getKey().length() / 5));
                    throw new GovernanceException(policy.source(), e.getValue().line(), "no loaded rule has the id '"
                            + e.getKey() + "' under rules:" + (near != null ? " (did you mean '" + near + "'?)" : "")
                            + "; fix the id, or load the rule file that defines it (ruleDirs)");
                }
            }
        }

        /**
         * One rule for every path that names a file of the governed repository (the policy, rule directories,
         * {@code ruleDirs}): relative paths are taken from the repository root, or from the working directory
         * when no repository is read. {@code @AnalyzeRepository} follows it too.
         */
        private Path inRepository(Path path) {
            return repository == null || path.isAbsolute() ? path : repository.resolve(path).normalize();
        }

        private Policy resolvePolicy(Packs loaded) {
            if (policyFile != null) {
                Path file = inRepository(policyFile);
                if (!Files.isRegularFile(file)) {
                    throw new GovernanceException(file.toString(), 0, "policy file not found");
                }
                return PolicyLoader.load(file, file.toString(), loaded);
            }
            if (repository != null) {
                Path inRepo = repository.resolve("governance.yml");
                if (Files.isRegularFile(inRepo)) {
                    return PolicyLoader.load(inRepo, "governance.yml", loaded);
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
