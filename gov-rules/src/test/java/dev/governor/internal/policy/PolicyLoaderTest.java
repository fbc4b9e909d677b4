package dev.governor.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.api.GovernanceException;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.api.Risk;
import dev.governor.api.Severity;
import dev.governor.api.policy.AdrPolicy;
import dev.governor.api.policy.ContractPolicy;
import dev.governor.api.policy.HotspotPolicy;
import dev.governor.api.policy.IntentPolicy;
import dev.governor.api.policy.LearningPolicy;
import dev.governor.api.policy.ReleasePolicy;
import dev.governor.api.policy.ServicesPolicy;
import dev.governor.input.Limits;
import dev.governor.internal.engine.Packs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {
    private static final String FILE = "governance.yml";

    private static final String FULL = """
            branch: main
            services: ["services/*", "libs/*"]
            intent:   { inferFromConventionalCommits: false }
            hotspot:  { count: 4, window: 2w, scope: directory }
            release:  { requiredGates: [lint, security-scan], independentReviewFrom: medium }
            learning: { minRelativeChange: 0.25, minSamples: 3 }
            layers:   [release, contract]
            adr:      { dirs: [docs/adr, architecture/decisions] }
            contracts: { registry: api/registry.yml }
            rules:
              change.adr-incomplete: { severity: info }
              intent.risk-missing:   { enabled: false }
              ci.no-friday-deploys:  { severity: blocking, enabled: true }
            ruleDirs: [governance/rules]
            since: 2026-01-01
            """;

    private static final Packs PACKS = Packs.load(PolicyLoaderTest.class.getClassLoader(), List.of(), true);

    static Policy parse(String yaml) {
        return PolicyLoader.parse(yaml, FILE, PACKS);
    }

    static Policy load(Path file) {
        return PolicyLoader.load(file, FILE, PACKS);
    }

    private static GovernanceException error(String yaml) {
        try {
            parse(yaml);
        } catch (GovernanceException e) {
            return e;
        }
        throw new AssertionError("expected a GovernanceException for:\n" + yaml);
    }

    private static void assertError(String yaml, String message) {
        assertThat(error(yaml)).hasMessage(message);
    }

    // ---- what parses --------------------------------------------------------------------------------

    @Test
    void a_policy_with_every_key_parses_to_those_values() {
        Policy policy = parse(FULL);

        assertThat(policy).isEqualTo(Policy.builder().source(FILE, sha256(FULL)).branch("main")
                .section(ServicesPolicy.SECTION, new ServicesPolicy(List.of("services/*", "libs/*")))
                .section(IntentPolicy.SECTION, new IntentPolicy(false))
                .section(HotspotPolicy.SECTION, new HotspotPolicy(4, Duration.ofDays(14), HotspotPolicy.Scope.DIRECTORY))
                .section(ReleasePolicy.SECTION, new ReleasePolicy(List.of("lint", "security-scan"), Risk.MEDIUM))
                .section(LearningPolicy.SECTION, new LearningPolicy(0.25, 3))
                .layers(Set.of("release", "contract"))
                .section(AdrPolicy.SECTION, new AdrPolicy(List.of("docs/adr", "architecture/decisions")))
                .section(ContractPolicy.SECTION, new ContractPolicy("api/registry.yml"))
                .rule("change.adr-incomplete", new Policy.RuleSetting(Severity.INFO, true, 11))
                .rule("intent.risk-missing", new Policy.RuleSetting(null, false, 12))
                .rule("ci.no-friday-deploys", new Policy.RuleSetting(Severity.BLOCKING, true, 13))
                .ruleDirs(List.of("governance/rules")).since(LocalDate.of(2026, 1, 1)).build());
    }

    @Test
    void an_empty_file_gives_the_defaults_named_after_the_file() {
        assertThat(parse("")).isEqualTo(named(Policy.defaults(), Policy.EMPTY_SHA256));
    }

    @Test
    void a_file_of_only_comments_gives_the_defaults() {
        String yaml = "# governance for the shop\n\n# layers: [release]\n";

        assertThat(parse(yaml)).isEqualTo(named(Policy.defaults(), sha256(yaml)));
    }

    @Test
    void keys_left_out_keep_their_defaults_even_inside_a_section() {
        Policy policy = parse("hotspot: { count: 5 }\nrelease: { independentReviewFrom: critical }\n");

        assertThat(policy.section(HotspotPolicy.SECTION)).isEqualTo(new HotspotPolicy(5, Duration.ofDays(7), HotspotPolicy.Scope.FILE));
        assertThat(policy.section(ReleasePolicy.SECTION)).isEqualTo(new ReleasePolicy(ReleasePolicy.DEFAULT.requiredGates(), Risk.CRITICAL));
        assertThat(policy.layers()).isEqualTo(Policy.defaults().layers());
    }

    @Test
    void the_hash_is_of_the_file_bytes_and_the_source_is_the_display_name(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("governance.yml");
        Files.writeString(file, FULL, StandardCharsets.UTF_8);

        Policy policy = load(file);

        assertThat(policy.source()).isEqualTo(FILE);
        assertThat(policy.sha256()).isEqualTo(sha256(FULL));
        assertThat(policy).isEqualTo(parse(FULL));
    }

    @Test
    void an_alias_to_a_shared_list_is_allowed() {
        Policy policy = parse("services: &svc [services/*]\nrelease: { requiredGates: *svc }\n");

        assertThat(policy.section(ReleasePolicy.SECTION).requiredGates()).containsExactly("services/*");
    }

    @Test
    void a_quoted_number_is_read_by_its_text() {
        assertThat(parse("hotspot: { count: \"2\" }").section(HotspotPolicy.SECTION).count()).isEqualTo(2);
    }

    // ---- unknown keys -------------------------------------------------------------------------------

    @Test
    void a_misspelt_root_key_is_an_error_that_suggests_the_right_one() {
        assertError("branch: main\nhotspots: { count: 2 }\n",
                "governance.yml:2: unknown key 'hotspots' under root (did you mean 'hotspot'?)");
    }

    @Test
    void an_unknown_root_key_without_a_near_match_lists_the_keys() {
        assertError("owner: team-a\n",
                "governance.yml:1: unknown key 'owner' under root: use branch, layers, rules, ruleDirs, since, intent,"
                        + " hotspot, contracts, services, adr, release, learning");
    }

    @Test
    void a_misspelt_nested_key_is_an_error_under_its_section() {
        assertError("hotspot:\n  count: 3\n  windw: 7d\n",
                "governance.yml:3: unknown key 'windw' under hotspot (did you mean 'window'?)");
    }

    @Test
    void an_unknown_key_inside_a_rule_entry_is_an_error() {
        assertError("rules:\n  intent.risk-missing: { severty: info }\n",
                "governance.yml:2: unknown key 'severty' under rules.intent.risk-missing (did you mean 'severity'?)");
    }

    @Test
    void a_merge_key_is_refused() {
        assertError("base: &b { count: 2 }\nhotspot:\n  <<: *b\n",
                "governance.yml:3: merge keys (<<) are not supported under hotspot: write the keys out");
        assertError("hotspot:\n  <<: { count: 2 }\n",
                "governance.yml:2: merge keys (<<) are not supported under hotspot: write the keys out");
    }

    @Test
    void a_duplicate_key_is_an_error_naming_both_lines() {
        assertError("branch: main\nlayers: [release]\nbranch: trunk\n",
                "governance.yml:3: duplicate key 'branch' under root (first on line 1): keep one");
    }

    @Test
    void a_duplicate_rule_id_is_an_error() {
        assertError("rules:\n  intent.risk-missing: { enabled: false }\n  intent.risk-missing: { severity: info }\n",
                "governance.yml:3: duplicate key 'intent.risk-missing' under rules (first on line 2): keep one");
    }

    @Test
    void a_rule_id_not_of_the_form_layer_dot_name_is_an_error() {
        assertError("rules:\n  RiskMissing: { enabled: false }\n",
                "governance.yml:2: bad rule id 'RiskMissing' under rules: use <layer>.<name> in lower case,"
                        + " like intent.tactical-hotspot");
    }

    // ---- bad values ---------------------------------------------------------------------------------

    @Test
    void a_duration_in_words_is_an_error_that_shows_the_forms() {
        assertError("hotspot:\n  window: 7 days\n",
                "governance.yml:2: bad duration '7 days' for hotspot.window: use 7d, 36h, 2w or ISO-8601 like P7D");
    }

    @Test
    void a_zero_window_is_an_error() {
        assertError("hotspot: { window: 0d }",
                "governance.yml:1: bad duration '0d' for hotspot.window: it must be longer than zero, like 7d");
    }

    @Test
    void an_unknown_severity_is_an_error_that_lists_the_three() {
        assertError("rules:\n  intent.tag-missing:\n    severity: fatal\n",
                "governance.yml:3: bad severity 'fatal' for rules.intent.tag-missing.severity: use blocking, warning or info");
    }

    @Test
    void an_unknown_layer_is_an_error_that_lists_the_five() {
        assertError("layers:\n  - release\n  - deploy\n",
                "governance.yml:3: bad layer 'deploy' in layers: use intent, contract, change, release or learning");
    }

    @Test
    void the_custom_pseudo_layer_cannot_be_listed() {
        assertError("layers: [custom]",
                "governance.yml:1: bad layer 'custom' in layers: use intent, contract, change, release or learning");
    }

    @Test
    void a_layer_listed_twice_is_an_error() {
        assertError("layers: [release, change, release]",
                "governance.yml:1: layer 'release' is listed twice in layers: list each layer once");
    }

    @Test
    void an_empty_layer_list_is_an_error_because_it_would_switch_everything_off() {
        assertError("branch: main\nlayers: []\n",
                "governance.yml:2: layers is empty, which would switch off every built-in rule: list at least one of"
                        + " intent, contract, change, release or learning, or remove the key for all of them");
    }

    @Test
    void an_unknown_scope_is_an_error() {
        assertError("hotspot: { scope: folder }",
                "governance.yml:1: bad scope 'folder' for hotspot.scope: use file or directory");
    }

    @Test
    void an_unknown_risk_level_is_an_error() {
        assertError("release:\n  independentReviewFrom: huge\n",
                "governance.yml:2: bad risk 'huge' for release.independentReviewFrom: use low, medium, high or critical");
    }

    @Test
    void a_count_below_one_is_an_error() {
        assertError("hotspot: { count: 0 }",
                "governance.yml:1: bad number '0' for hotspot.count: use a whole number of at least 1");
    }

    @Test
    void a_count_too_large_for_an_int_is_an_error() {
        assertError("hotspot: { count: 3000000000 }",
                "governance.yml:1: bad number '3000000000' for hotspot.count: use a whole number of at least 1");
    }

    @Test
    void a_fractional_sample_count_is_an_error() {
        assertError("learning: { minSamples: 1.5 }",
                "governance.yml:1: bad number '1.5' for learning.minSamples: use a whole number of at least 1");
    }

    @Test
    void a_negative_relative_change_is_an_error() {
        assertError("learning: { minRelativeChange: -0.1 }",
                "governance.yml:1: bad number '-0.1' for learning.minRelativeChange: use a number of at least 0, like 0.1");
    }

    @Test
    void infinity_is_not_a_relative_change() {
        assertError("learning: { minRelativeChange: .inf }",
                "governance.yml:1: bad number '.inf' for learning.minRelativeChange: use a number of at least 0, like 0.1");
    }

    @Test
    void yes_is_not_a_boolean() {
        assertError("intent: { inferFromConventionalCommits: yes }",
                "governance.yml:1: bad boolean 'yes' for intent.inferFromConventionalCommits: use true or false");
    }

    @Test
    void a_rule_enabled_flag_must_be_a_boolean() {
        assertError("rules:\n  intent.risk-missing: { enabled: off }\n",
                "governance.yml:2: bad boolean 'off' for rules.intent.risk-missing.enabled: use true or false");
    }

    @Test
    void a_since_that_is_not_a_calendar_date_is_an_error() {
        assertError("since: 2026-02-30",
                "governance.yml:1: bad date '2026-02-30' for since: use YYYY-MM-DD, like 2026-01-01");
    }

    @Test
    void a_since_given_as_a_duration_is_an_error() {
        assertError("since: 30d", "governance.yml:1: bad date '30d' for since: use YYYY-MM-DD, like 2026-01-01");
    }

    @Test
    void an_absolute_rule_dir_is_an_error() {
        assertError("ruleDirs: [/etc/rules]",
                "governance.yml:1: bad path '/etc/rules' for ruleDirs[0]: use a path relative to the repository root,"
                        + " like docs/adr");
    }

    @Test
    void a_registry_outside_the_repository_is_an_error() {
        assertError("contracts: { registry: ../other/registry.yml }",
                "governance.yml:1: bad path '../other/registry.yml' for contracts.registry: stay inside the"
                        + " repository (no '..')");
    }

    // ---- wrong shapes -------------------------------------------------------------------------------

    @Test
    void a_list_where_a_map_belongs_is_an_error_naming_the_key() {
        assertError("hotspot:\n  - count: 3\n",
                "governance.yml:2: hotspot must be a map of keys, found a list");
    }

    @Test
    void a_single_value_where_a_list_belongs_is_an_error() {
        assertError("services: services/*", "governance.yml:1: services must be a list like [a, b], found 'services/*'");
    }

    @Test
    void a_word_where_a_whole_number_belongs_is_an_error() {
        assertError("hotspot:\n  count: three\n",
                "governance.yml:2: bad number 'three' for hotspot.count: use a whole number of at least 1");
    }

    @Test
    void a_list_where_a_single_value_belongs_is_an_error() {
        assertError("hotspot:\n  count: [3]\n",
                "governance.yml:2: hotspot.count must be a single value (a whole number), found a list");
    }

    @Test
    void a_map_inside_a_list_of_strings_is_an_error() {
        assertError("release:\n  requiredGates:\n    - lint\n    - {name: typecheck}\n",
                "governance.yml:4: release.requiredGates[1] must be a single value (a string), found a map");
    }

    @Test
    void a_rule_entry_that_is_a_word_is_an_error() {
        assertError("rules:\n  intent.risk-missing: off\n",
                "governance.yml:2: rules.intent.risk-missing must be a map of keys, found 'off'");
    }

    @Test
    void a_top_level_list_is_an_error() {
        assertError("- branch: main\n",
                "governance.yml:1: the top level must be a map of keys, found a list");
    }

    @Test
    void a_key_without_a_value_is_an_error_rather_than_the_default() {
        assertError("layers: [release]\nbranch:\n",
                "governance.yml:2: branch has no value: give one or remove the key");
    }

    @Test
    void an_empty_entry_in_a_list_is_an_error() {
        assertError("services: [a, '']",
                "governance.yml:1: services[1] has no value: give one or remove the entry");
    }

    @Test
    void a_list_used_as_a_key_is_an_error() {
        assertError("? [a, b]\n: c\n", "governance.yml:1: keys under root must be plain names, found a list");
    }

    @Test
    void a_custom_tag_is_refused_so_no_type_can_be_named() {
        assertError("branch: !!javax.script.ScriptEngineManager main",
                "governance.yml:1: unsupported tag '!!javax.script.ScriptEngineManager' on branch: remove it,"
                        + " Governor reads plain YAML only");
    }

    // ---- broken or hostile input --------------------------------------------------------------------

    @Test
    void a_yaml_syntax_error_names_the_line() {
        assertError("branch: main\nhotspot:\n  count: 3\n window: 7d\n",
                "governance.yml:4: invalid YAML: while parsing a block mapping, expected <block end>, but found '<block mapping start>'; fix the"
                        + " syntax (indentation, quotes, brackets)");
    }

    @Test
    void an_unclosed_bracket_is_a_syntax_error() {
        assertError("layers: [release, change\nbranch: main\n",
                "governance.yml:2: invalid YAML: while parsing a flow sequence, expected ',' or ']', but got :; fix the syntax"
                        + " (indentation, quotes, brackets)");
    }

    @Test
    void two_documents_in_one_file_are_an_error() {
        assertError("branch: main\n---\nbranch: trunk\n",
                "governance.yml:2: invalid YAML: expected a single document in the stream, but found another document; fix the syntax"
                        + " (indentation, quotes, brackets)");
    }

    @Test
    void a_control_character_is_an_error_naming_its_line() {
        assertError("branch: main\nservices: [a\u0007]\n",
                "governance.yml:2: the character U+0007 is not allowed in YAML: remove it");
    }

    @Test
    void an_alias_bomb_fails_at_once_naming_the_alias_that_crossed_the_limit() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append('a').append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }

        assertError(yaml.toString(), "governance.yml:4: more than 20 aliases to lists or maps (is this an alias"
                + " bomb?): write the values out instead");
    }

    @Test
    void deep_nesting_fails_naming_the_line() {
        String yaml = "branch: main\nrules: " + "[".repeat(30) + "]".repeat(30) + "\n";

        assertError(yaml, "governance.yml:2: nested more than 20 levels deep: flatten it, or check the"
                + " indentation and brackets");
    }

    @Test
    void text_over_one_mebibyte_is_refused_before_parsing() {
        String yaml = "#".repeat(Limits.POLICY.maxBytes()) + "\n";

        assertError(yaml, "governance.yml: the file is larger than 1 MiB (1048577 bytes): check that this is the"
                + " right file");
    }

    @Test
    void a_file_over_one_mebibyte_is_refused_before_reading(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("governance.yml");
        Files.write(file, new byte[Limits.POLICY.maxBytes() + 10]);

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("governance.yml: the file is larger than 1 MiB (1048586 bytes): check that this is the"
                        + " right file");
    }

    @Test
    void a_file_that_is_not_utf8_is_an_error_naming_the_line(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("governance.yml");
        Files.write(file, new byte[] {'b', 'r', 'a', 'n', 'c', 'h', ':', ' ', 'm', '\n', 'x', ':', ' ', (byte) 0xC3, '\n'});

        assertThatThrownBy(() -> load(file))
                .hasMessage("governance.yml:2: the file is not valid UTF-8: save it as UTF-8");
    }

    @Test
    void a_missing_file_is_an_error(@TempDir Path dir) {
        assertThatThrownBy(() -> load(dir.resolve("governance.yml")))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("governance.yml: no such file: check the path of the policy");
    }

    @Test
    void the_exception_carries_file_line_and_problem_apart() {
        GovernanceException e = error("hotspot: { scope: folder }");

        assertThat(e.source()).isEqualTo(FILE);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).isEqualTo("bad scope 'folder' for hotspot.scope: use file or directory");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static Policy named(Policy p, String sha) {
        return p.toBuilder().source(FILE, sha).build();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
