package dev.governor.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The policy in force: what {@code governance.yml} says, or {@link #defaults()} when there is none.
 * Core settings (branch, layers, rule overrides, custom rule directories, adoption date) are fields;
 * everything a layer needs is that layer's typed {@link Section}, which the layer's pack declares and
 * reads, so the policy names no layer itself.
 *
 * <pre>{@code
 * HotspotPolicy hotspot = policy.section(HotspotPolicy.SECTION);   // the section, or its defaults
 * Policy strict = policy.with(HotspotPolicy.SECTION, hotspot.withCount(2));
 * Policy built = Policy.builder().layers(Set.of("release")).rule("intent.risk-missing", RuleSetting.OFF).build();
 * }</pre>
 */
public final class Policy {

    /** SHA-256 of zero bytes: the policy hash when there is no policy file. */
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final Policy DEFAULTS = builder().build();

    private final String source;
    private final String sha256;
    private final String branch;
    private final Set<String> layers;
    private final Map<String, RuleSetting> rules;
    private final List<String> ruleDirs;
    private final LocalDate since;
    private final Map<String, Object> sections;

    private Policy(Builder b) {
        this.source = b.source;
        this.sha256 = b.sha256;
        this.branch = b.branch;
        this.layers = Set.copyOf(b.layers);
        this.rules = Map.copyOf(b.rules);
        this.ruleDirs = List.copyOf(b.ruleDirs);
        this.since = b.since;
        this.sections = Map.copyOf(b.sections);
    }

    /** The policy an empty {@code governance.yml} gives: every section at its defaults, every layer in force. */
    public static Policy defaults() {
        return DEFAULTS;
    }

    /** Builds a policy; every setting starts at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder().source(source, sha256).layers(layers).ruleDirs(ruleDirs);
        b.branch = branch;
        b.since = since;
        b.rules.putAll(rules);
        b.sections.putAll(sections);
        return b;
    }

    /** Where the policy was read from, or {@code null} for the defaults. */
    public String source() {
        return source;
    }

    /** The SHA-256 of the policy file's bytes ({@link #EMPTY_SHA256} for the defaults). */
    public String sha256() {
        return sha256;
    }

    /** The target branch, or {@code null} for the repository's HEAD branch. */
    public String branch() {
        return branch;
    }

    /** The ids of the packs in force ({@code layers:}); empty means every pack loaded. */
    public Set<String> layers() {
        return layers;
    }

    /** Per-rule overrides by rule id. */
    public Map<String, RuleSetting> rules() {
        return rules;
    }

    /** Directories of custom {@code .drl} files, relative to the repository root. */
    public List<String> ruleDirs() {
        return ruleDirs;
    }

    /** The adoption date: history merged before it is not governed; {@code null} for the whole history. */
    public LocalDate since() {
        return since;
    }

    /** A section's settings, or its defaults when the policy does not set it. */
    public <T> T section(Section<T> section) {
        Object value = sections.get(section.key());
        return value == null ? section.defaults() : section.type().cast(value);
    }

    /** Whether the policy file sets this section (rather than leaving it at its defaults). */
    public boolean sets(Section<?> section) {
        return sections.containsKey(section.key());
    }

    /** This policy with one section replaced (as {@code gov hotspots --window} asks). */
    public <T> Policy with(Section<T> section, T value) {
        return toBuilder().section(section, value).build();
    }

    /** Whether the pack with this id runs: every pack when {@code layers} is not given. */
    public boolean inForce(String packId) {
        return layers.isEmpty() || layers.contains(packId);
    }

    /** Whether the rules of this layer run; custom rules always run. */
    public boolean inForce(Layer layer) {
        return layer == Layer.CUSTOM || inForce(layer.id());
    }

    /** The override for a rule, or {@link RuleSetting#NONE}. */
    public RuleSetting rule(String ruleId) {
        return rules.getOrDefault(ruleId, RuleSetting.NONE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Policy p && Objects.equals(source, p.source) && sha256.equals(p.sha256)
                && Objects.equals(branch, p.branch) && layers.equals(p.layers) && rules.equals(p.rules)
                && ruleDirs.equals(p.ruleDirs) && Objects.equals(since, p.since) && sections.equals(p.sections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, sha256, branch, layers, rules, ruleDirs, since, sections);
    }

    @Override
    public String toString() {
        return "Policy[source=" + source + ", branch=" + branch + ", layers=" + layers + ", rules=" + rules
                + ", ruleDirs=" + ruleDirs + ", since=" + since + ", sections=" + sections + "]";
    }

    /**
     * A typed section of {@code governance.yml} ({@code hotspot:}, {@code release:} …), declared by the pack
     * that reads it. Sections are told apart by key.
     *
     * @param key      the top-level key in {@code governance.yml}
     * @param type     the settings record
     * @param defaults the settings when the policy does not give the section
     * @param <T>      the settings record
     */
    public record Section<T>(String key, Class<T> type, T defaults) {
        public Section {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(defaults, "defaults");
        }

        /** A section with these defaults. */
        public static <T> Section<T> of(String key, Class<T> type, T defaults) {
            return new Section<>(key, type, defaults);
        }
    }

    /**
     * A rule's override.
     *
     * @param severity the severity to report it with, or {@code null} for the rule's own
     * @param enabled  whether it reports at all
     * @param line     the line of {@code governance.yml} that sets it, or 0
     */
    public record RuleSetting(Severity severity, boolean enabled, int line) {
        /** No setting: the rule reports, with its own severity. */
        public static final RuleSetting NONE = new RuleSetting(null, true, 0);
        /** The rule turned off: {@code rules: { id: { enabled: false } }}. */
        public static final RuleSetting OFF = new RuleSetting(null, false, 0);

        /** A setting made in code, not read from a file: {@code new RuleSetting(Severity.BLOCKING, true)}. */
        public RuleSetting(Severity severity, boolean enabled) {
            this(severity, enabled, 0);
        }
    }

    /** Builds a {@link Policy}; each method returns this builder. */
    public static final class Builder {
        private String source;
        private String sha256 = EMPTY_SHA256;
        private String branch;
        private final Set<String> layers = new LinkedHashSet<>();
        private final Map<String, RuleSetting> rules = new LinkedHashMap<>();
        private final List<String> ruleDirs = new java.util.ArrayList<>();
        private LocalDate since;
        private final Map<String, Object> sections = new LinkedHashMap<>();

        private Builder() {
        }

        /** Where the policy came from and the SHA-256 of its bytes. */
        public Builder source(String source, String sha256) {
            this.source = source;
            this.sha256 = Objects.requireNonNull(sha256, "sha256");
            return this;
        }

        /** The branch whose first-parent history is governed; {@code null} for HEAD's. */
        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        /** The packs in force; empty for every pack loaded. */
        public Builder layers(Set<String> packIds) {
            this.layers.clear();
            this.layers.addAll(packIds);
            return this;
        }

        /** The setting of one rule: its severity, or turned off. */
        public Builder rule(String ruleId, RuleSetting setting) {
            this.rules.put(Objects.requireNonNull(ruleId, "ruleId"), Objects.requireNonNull(setting, "setting"));
            return this;
        }

        /** Directories of custom {@code .drl} files, relative to the repository root. */
        public Builder ruleDirs(List<String> dirs) {
            this.ruleDirs.clear();
            this.ruleDirs.addAll(dirs);
            return this;
        }

        /** The adoption date: changes merged before it are not governed; {@code null} for all of them. */
        public Builder since(LocalDate since) {
            this.since = since;
            return this;
        }

        /** Sets a section's settings. */
        public <T> Builder section(Section<T> section, T value) {
            this.sections.put(section.key(), section.type().cast(Objects.requireNonNull(value, "value")));
            return this;
        }

        /** The policy. */
        public Policy build() {
            return new Policy(this);
        }
    }
}
