package dev.governor.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.api.GovernanceException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** The conversions every reader uses, and their messages. */
class NodeTest {
    private static final String FILE = "governance.yml";

    enum Scope {
        FILE, DIRECTORY;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum Level { LOW, MEDIUM, HIGH }

    enum Only { ONE }

    /** The value at a path of keys in a YAML text. */
    static Node yaml(String text, String... keys) {
        Node node = StructuredInput.parse(text, Format.YAML, FILE, Limits.POLICY);
        for (String key : keys) {
            node = node.asMap().get(key);
        }
        return node;
    }

    static AbstractThrowableAssert<?, ? extends Throwable> refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return assertThatThrownBy(call).isInstanceOf(GovernanceException.class);
    }

    // ---- where a value is ---------------------------------------------------------------------------

    @Test
    void paths_name_keys_with_dots_and_items_with_their_index() {
        Node root = yaml("rules:\n  intent.risk-missing: { severity: info }\ncontracts:\n  - name: orders\n");

        assertThat(root.path()).isEmpty();
        assertThat(yaml("hotspot: {count: 3}", "hotspot", "count").path()).isEqualTo("hotspot.count");
        assertThat(root.asMap().get("rules").asMap().get("intent.risk-missing").asMap().get("severity").path())
                .isEqualTo("rules.intent.risk-missing.severity");
        assertThat(root.asMap().get("contracts").asList().items().get(0).asMap().get("name").path())
                .isEqualTo("contracts[0].name");
    }

    @Test
    void items_of_a_top_level_list_are_named_by_index_alone() {
        Node root = StructuredInput.parse("[{\"status\": \"ok\"}, {\"labels\": [{}, {\"name\": \"x\"}]}]", Format.JSON,
                "f.json", Limits.RECORDS);

        List<Node> items = root.asList().items();
        assertThat(items.get(0).asMap().get("status").path()).isEqualTo("[0].status");
        assertThat(items.get(1).asMap().get("labels").asList().items().get(1).asMap().get("name").path())
                .isEqualTo("[1].labels[1].name");
    }

    @Test
    void every_value_knows_its_file_and_line() {
        Node count = yaml("# comment\nhotspot:\n  window: 7d\n  count: 3\n", "hotspot", "count");

        assertThat(count.source()).isEqualTo(FILE);
        assertThat(count.line()).isEqualTo(4);
    }

    @Test
    void a_key_without_a_value_is_placed_at_the_key() {
        Node branch = yaml("layers: [release]\nbranch:\nsince: 2026-01-01\n", "branch");

        assertThat(branch).isInstanceOf(NullNode.class);
        assertThat(branch.line()).isEqualTo(2);
    }

    @Test
    void values_describe_themselves_as_messages_show_them() {
        Node root = yaml("m: {a: 1}\nl: [1]\ns: text\nn: ~\n");

        assertThat(root.asMap().get("m").describe()).isEqualTo("a map");
        assertThat(root.asMap().get("l").describe()).isEqualTo("a list");
        assertThat(root.asMap().get("s").describe()).isEqualTo("'text'");
        assertThat(root.asMap().get("n").describe()).isEqualTo("no value");
    }

    @Test
    void error_is_a_failure_at_the_value_with_the_problem_as_given() {
        GovernanceException e = yaml("layers: [release, release]", "layers").asList().items().get(1)
                .error("layer 'release' is listed twice in layers: list each layer once");

        assertThat(e).hasMessage("governance.yml:1: layer 'release' is listed twice in layers: list each layer once");
        assertThat(e.source()).isEqualTo(FILE);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).isEqualTo("layer 'release' is listed twice in layers: list each layer once");
    }

    // ---- shapes -------------------------------------------------------------------------------------

    @Test
    void a_list_where_a_map_belongs_is_refused_naming_the_key() {
        refusal(() -> yaml("hotspot:\n  - count: 3\n", "hotspot").asMap())
                .hasMessage("governance.yml:2: hotspot must be a map of keys, found a list");
    }

    @Test
    void a_word_where_a_map_belongs_is_refused_quoting_it() {
        refusal(() -> yaml("rules:\n  intent.risk-missing: off\n", "rules", "intent.risk-missing").asMap())
                .hasMessage("governance.yml:2: rules.intent.risk-missing must be a map of keys, found 'off'");
    }

    @Test
    void a_top_level_list_is_not_a_map() {
        refusal(() -> yaml("- branch: main\n").asMap())
                .hasMessage("governance.yml:1: the top level must be a map of keys, found a list");
    }

    @Test
    void a_single_value_where_a_list_belongs_is_refused() {
        refusal(() -> yaml("services: services/*", "services").asList())
                .hasMessage("governance.yml:1: services must be a list like [a, b], found 'services/*'");
    }

    @Test
    void a_list_where_a_single_value_belongs_is_refused_saying_what_belongs() {
        refusal(() -> yaml("hotspot:\n  count: [3]\n", "hotspot", "count").asInt(1, Integer.MAX_VALUE))
                .hasMessage("governance.yml:2: hotspot.count must be a single value (a whole number), found a list");
        refusal(() -> yaml("branch: {name: main}", "branch").asString())
                .hasMessage("governance.yml:1: branch must be a single value (a string), found a map");
    }

    @Test
    void a_key_without_a_value_is_refused_rather_than_defaulted() {
        refusal(() -> yaml("layers: [release]\nbranch:\n", "branch").asString())
                .hasMessage("governance.yml:2: branch has no value: give one or remove the key");
    }

    @Test
    void an_explicit_null_or_blank_text_has_no_value_either() {
        refusal(() -> yaml("branch: ~", "branch").asMap())
                .hasMessage("governance.yml:1: branch has no value: give one or remove the key");
        refusal(() -> yaml("branch: '  '", "branch").asList())
                .hasMessage("governance.yml:1: branch has no value: give one or remove the key");
    }

    @Test
    void an_empty_entry_in_a_list_is_refused_naming_its_index() {
        refusal(() -> yaml("services: [a, '']", "services").asStrings())
                .hasMessage("governance.yml:1: services[1] has no value: give one or remove the entry");
    }

    @Test
    void an_empty_file_has_no_value_at_the_top_level() {
        refusal(() -> yaml("").asMap())
                .hasMessage("governance.yml:1: the top level has no value: give the file its content");
    }

    @Test
    void a_map_inside_a_list_of_strings_is_refused_naming_the_entry() {
        refusal(() -> yaml("release:\n  requiredGates:\n    - lint\n    - {name: typecheck}\n", "release",
                "requiredGates").asStrings())
                .hasMessage("governance.yml:4: release.requiredGates[1] must be a single value (a string), found a map");
    }

    @Test
    void strings_are_the_texts_of_a_list_in_order() {
        assertThat(yaml("services: [\"services/*\", libs/*, 2fa]", "services").asStrings())
                .containsExactly("services/*", "libs/*", "2fa");
    }

    @Test
    void a_string_is_the_text_as_written() {
        assertThat(yaml("branch: 'main '", "branch").asString()).isEqualTo("main ");
    }

    // ---- numbers ------------------------------------------------------------------------------------

    @Test
    void a_whole_number_is_read_by_its_text_even_when_quoted() {
        assertThat(yaml("count: 3", "count").asInt(1, Integer.MAX_VALUE)).isEqualTo(3);
        assertThat(yaml("count: \"2\"", "count").asInt(1, Integer.MAX_VALUE)).isEqualTo(2);
        assertThat(yaml("count: +7", "count").asInt(1, 7)).isEqualTo(7);
        assertThat(yaml("count: -5", "count").asInt(-5, 0)).isEqualTo(-5);
    }

    @Test
    void a_whole_number_below_the_least_is_refused() {
        refusal(() -> yaml("hotspot: { count: 0 }", "hotspot", "count").asInt(1, Integer.MAX_VALUE))
                .hasMessage("governance.yml:1: bad number '0' for hotspot.count: use a whole number of at least 1");
    }

    @Test
    void a_whole_number_above_the_most_is_refused_naming_the_range() {
        refusal(() -> yaml("count: 11", "count").asInt(1, 10))
                .hasMessage("governance.yml:1: bad number '11' for count: use a whole number from 1 to 10");
    }

    @Test
    void a_whole_number_too_large_for_an_int_is_refused() {
        refusal(() -> yaml("count: 3000000000", "count").asInt(1, Integer.MAX_VALUE))
                .hasMessage("governance.yml:1: bad number '3000000000' for count: use a whole number of at least 1");
        refusal(() -> yaml("count: 99999999999", "count").asInt(1, Integer.MAX_VALUE))
                .hasMessage("governance.yml:1: bad number '99999999999' for count: use a whole number of at least 1");
    }

    @Test
    void a_fraction_or_a_word_is_not_a_whole_number() {
        refusal(() -> yaml("learning: { minSamples: 1.5 }", "learning", "minSamples").asInt(1, Integer.MAX_VALUE))
                .hasMessage("governance.yml:1: bad number '1.5' for learning.minSamples: use a whole number of at least 1");
        refusal(() -> yaml("count: three", "count").asInt(1, Integer.MAX_VALUE))
                .hasMessage("governance.yml:1: bad number 'three' for count: use a whole number of at least 1");
    }

    @Test
    void the_bounds_of_a_whole_number_are_inclusive() {
        assertThat(yaml("count: 1", "count").asInt(1, 1)).isEqualTo(1);
        assertThat(yaml("count: 2147483647", "count").asInt(0, Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void a_range_whose_least_is_above_its_most_is_a_programming_error() {
        assertThatThrownBy(() -> yaml("count: 1", "count").asInt(2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("min 2 is above max 1");
        assertThat(yaml("count: 2", "count").asInt(2, 2)).isEqualTo(2);
    }

    @Test
    void a_decimal_number_is_read_in_its_common_forms() {
        assertThat(yaml("n: 0.25", "n").asDouble(0)).isEqualTo(0.25);
        assertThat(yaml("n: .5", "n").asDouble(0)).isEqualTo(0.5);
        assertThat(yaml("n: 1e-3", "n").asDouble(0)).isEqualTo(0.001);
        assertThat(yaml("n: 3", "n").asDouble(3)).isEqualTo(3.0);
        assertThat(yaml("n: -2.5", "n").asDouble(-3)).isEqualTo(-2.5);
    }

    @Test
    void a_decimal_below_the_least_is_refused_with_an_example() {
        refusal(() -> yaml("learning: { minRelativeChange: -0.1 }", "learning", "minRelativeChange").asDouble(0))
                .hasMessage("governance.yml:1: bad number '-0.1' for learning.minRelativeChange: use a number of at"
                        + " least 0, like 0.1");
        refusal(() -> yaml("n: 0.5", "n").asDouble(1))
                .hasMessage("governance.yml:1: bad number '0.5' for n: use a number of at least 1, like 1.1");
    }

    @Test
    void infinity_and_not_a_number_are_not_numbers() {
        refusal(() -> yaml("n: .inf", "n").asDouble(0))
                .hasMessage("governance.yml:1: bad number '.inf' for n: use a number of at least 0, like 0.1");
        refusal(() -> yaml("n: 1e400", "n").asDouble(0))
                .hasMessage("governance.yml:1: bad number '1e400' for n: use a number of at least 0, like 0.1");
        refusal(() -> yaml("n: .nan", "n").asDouble(0))
                .hasMessage("governance.yml:1: bad number '.nan' for n: use a number of at least 0, like 0.1");
    }

    @Test
    void a_least_that_is_not_finite_is_a_programming_error() {
        assertThatThrownBy(() -> yaml("n: 1", "n").asDouble(Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("min must be finite, was -Infinity");
        assertThatThrownBy(() -> yaml("n: 1", "n").asDouble(Double.NaN)).hasMessage("min must be finite, was NaN");
    }

    @Test
    void a_decimal_must_be_a_single_value() {
        refusal(() -> yaml("n: [1]", "n").asDouble(0))
                .hasMessage("governance.yml:1: n must be a single value (a number), found a list");
    }

    // ---- booleans, durations, dates, times ----------------------------------------------------------

    @Test
    void true_and_false_are_booleans_in_three_spellings() {
        for (String yes : List.of("true", "True", "TRUE")) {
            assertThat(yaml("b: " + yes, "b").asBoolean()).isTrue();
        }
        for (String no : List.of("false", "False", "FALSE")) {
            assertThat(yaml("b: " + no, "b").asBoolean()).isFalse();
        }
    }

    @Test
    void yes_and_off_are_not_booleans() {
        refusal(() -> yaml("intent: { inferFromConventionalCommits: yes }", "intent", "inferFromConventionalCommits")
                .asBoolean())
                .hasMessage("governance.yml:1: bad boolean 'yes' for intent.inferFromConventionalCommits: use true or false");
        refusal(() -> yaml("enabled: off", "enabled").asBoolean())
                .hasMessage("governance.yml:1: bad boolean 'off' for enabled: use true or false");
    }

    @Test
    void a_boolean_must_be_a_single_value() {
        refusal(() -> yaml("b: {}", "b").asBoolean())
                .hasMessage("governance.yml:1: b must be a single value (true or false), found a map");
    }

    @Test
    void a_duration_is_read_by_durations() {
        assertThat(yaml("window: 2w", "window").asDuration()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void a_duration_in_words_is_refused_with_the_forms() {
        refusal(() -> yaml("hotspot:\n  window: 7 days\n", "hotspot", "window").asDuration())
                .hasMessage("governance.yml:2: bad duration '7 days' for hotspot.window: use 7d, 36h, 2w or ISO-8601 like P7D");
    }

    @Test
    void a_zero_duration_is_refused() {
        refusal(() -> yaml("hotspot: { window: 0d }", "hotspot", "window").asDuration())
                .hasMessage("governance.yml:1: bad duration '0d' for hotspot.window: it must be longer than zero, like 7d");
    }

    @Test
    void a_duration_must_be_a_single_value() {
        refusal(() -> yaml("window: [7d]", "window").asDuration())
                .hasMessage("governance.yml:1: window must be a single value (a duration like 7d), found a list");
    }

    @Test
    void a_date_is_year_month_day() {
        assertThat(yaml("since: 2026-01-01", "since").asDate()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void a_day_not_in_the_calendar_is_refused() {
        refusal(() -> yaml("since: 2026-02-30", "since").asDate())
                .hasMessage("governance.yml:1: bad date '2026-02-30' for since: use YYYY-MM-DD, like 2026-01-01");
    }

    @Test
    void a_duration_is_not_a_date() {
        refusal(() -> yaml("since: 30d", "since").asDate())
                .hasMessage("governance.yml:1: bad date '30d' for since: use YYYY-MM-DD, like 2026-01-01");
    }

    @Test
    void a_date_must_be_a_single_value() {
        refusal(() -> yaml("since: {}", "since").asDate())
                .hasMessage("governance.yml:1: since must be a single value (a date like 2026-01-01), found a map");
    }

    @Test
    void a_time_is_an_instant_in_utc() {
        assertThat(yaml("at: 2026-11-02T10:00:00Z", "at").asInstant()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
        assertThat(yaml("at: '2026-11-02T10:00:00.250Z'", "at").asInstant())
                .isEqualTo(Instant.parse("2026-11-02T10:00:00.250Z"));
    }

    @Test
    void a_time_with_an_offset_is_normalized_to_utc() {
        assertThat(yaml("at: 2026-11-02T10:00:00+01:00", "at").asInstant())
                .isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
    }

    @Test
    void a_date_alone_is_the_start_of_its_day_in_utc() {
        assertThat(yaml("at: 2026-11-02", "at").asInstant()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    }

    @Test
    void a_time_without_a_zone_or_in_words_is_refused() {
        refusal(() -> yaml("merged_at: yesterday", "merged_at").asInstant())
                .hasMessage("governance.yml:1: bad time 'yesterday' for merged_at: use ISO-8601 like 2026-11-02T10:00:00Z,"
                        + " 2026-11-02T11:00:00+01:00 or 2026-11-02");
        refusal(() -> yaml("at: 2026-11-02T10:00:00", "at").asInstant())
                .hasMessage("governance.yml:1: bad time '2026-11-02T10:00:00' for at: use ISO-8601 like"
                        + " 2026-11-02T10:00:00Z, 2026-11-02T11:00:00+01:00 or 2026-11-02");
        refusal(() -> yaml("at: 2026-02-30", "at").asInstant())
                .hasMessage("governance.yml:1: bad time '2026-02-30' for at: use ISO-8601 like"
                        + " 2026-11-02T10:00:00Z, 2026-11-02T11:00:00+01:00 or 2026-11-02");
    }

    @Test
    void a_time_must_be_a_single_value() {
        refusal(() -> yaml("at: []", "at").asInstant())
                .hasMessage("governance.yml:1: at must be a single value (a time like 2026-11-02T10:00:00Z), found a list");
    }

    // ---- paths --------------------------------------------------------------------------------------

    @Test
    void a_relative_path_is_returned_as_written() {
        assertThat(yaml("dir: docs/adr", "dir").asRelativePath()).isEqualTo("docs/adr");
        assertThat(yaml("dir: 'docs\\adr'", "dir").asRelativePath()).isEqualTo("docs\\adr");
        assertThat(yaml("dir: a/..b/c..", "dir").asRelativePath()).isEqualTo("a/..b/c..");
    }

    @Test
    void an_absolute_path_is_refused() {
        refusal(() -> yaml("ruleDirs: [/etc/rules]", "ruleDirs").asList().items().get(0).asRelativePath())
                .hasMessage("governance.yml:1: bad path '/etc/rules' for ruleDirs[0]: use a path relative to the"
                        + " repository root, like docs/adr");
        refusal(() -> yaml("dir: '\\\\server\\share'", "dir").asRelativePath())
                .hasMessage("governance.yml:1: bad path '\\\\server\\share' for dir: use a path relative to the"
                        + " repository root, like docs/adr");
    }

    @Test
    void a_path_with_a_drive_letter_is_refused() {
        refusal(() -> yaml("dir: 'C:\\rules'", "dir").asRelativePath())
                .hasMessage("governance.yml:1: bad path 'C:\\rules' for dir: use a path relative to the repository"
                        + " root, like docs/adr");
    }

    @Test
    void a_path_that_leaves_the_repository_is_refused() {
        refusal(() -> yaml("contracts: { registry: ../other/registry.yml }", "contracts", "registry").asRelativePath())
                .hasMessage("governance.yml:1: bad path '../other/registry.yml' for contracts.registry: stay inside the"
                        + " repository (no '..')");
        refusal(() -> yaml("dir: 'docs\\..\\..\\x'", "dir").asRelativePath())
                .hasMessage("governance.yml:1: bad path 'docs\\..\\..\\x' for dir: stay inside the repository (no '..')");
    }

    @Test
    void a_path_must_be_a_single_value() {
        refusal(() -> yaml("dir: [a]", "dir").asRelativePath())
                .hasMessage("governance.yml:1: dir must be a single value (a relative path), found a list");
    }

    // ---- choices ------------------------------------------------------------------------------------

    @Test
    void a_choice_is_the_constant_with_that_id() {
        assertThat(yaml("scope: directory", "scope").asChoice("scope", Scope.class, Scope::id)).isEqualTo(Scope.DIRECTORY);
        assertThat(yaml("scope: file", "scope").asChoice("scope", Scope.class, Scope::id)).isEqualTo(Scope.FILE);
    }

    @Test
    void an_unknown_choice_is_refused_listing_the_ids() {
        refusal(() -> yaml("hotspot: { scope: folder }", "hotspot", "scope").asChoice("scope", Scope.class, Scope::id))
                .hasMessage("governance.yml:1: bad scope 'folder' for hotspot.scope: use file or directory");
        refusal(() -> yaml("risk: huge", "risk").asChoice("risk", Level.class, l -> l.name().toLowerCase(Locale.ROOT)))
                .hasMessage("governance.yml:1: bad risk 'huge' for risk: use low, medium or high");
        refusal(() -> yaml("x: two", "x").asChoice("x", Only.class, Enum::name))
                .hasMessage("governance.yml:1: bad x 'two' for x: use ONE");
    }

    @Test
    void a_choice_is_exact_about_case() {
        refusal(() -> yaml("scope: File", "scope").asChoice("scope", Scope.class, Scope::id))
                .hasMessage("governance.yml:1: bad scope 'File' for scope: use file or directory");
    }

    @Test
    void a_choice_must_be_a_single_value_and_says_which() {
        refusal(() -> yaml("hotspot: { scope: [file] }", "hotspot", "scope").asChoice("scope", Scope.class, Scope::id))
                .hasMessage("governance.yml:1: hotspot.scope must be a single value (file or directory), found a list");
    }
}
