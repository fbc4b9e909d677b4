package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What gov does with bad or missing arguments and surroundings: exit 2 and one line that says why. */
class CommandLineUsageTest {

    @TempDir
    Path dir;

    @Test
    void version_prints_the_tool_name_and_the_project_version() {
        Gov.Result r = Gov.plain().run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).matches("governor \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void gov_without_a_command_prints_the_usage_and_exits_2() {
        Gov.Result r = Gov.plain().run();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Usage: gov [-hV] [--verbose] [COMMAND]");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void an_unknown_option_is_a_usage_error_with_a_hint() {
        Gov.Result r = Gov.plain().run("check", "--bogus");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(lines(
                "gov: Unknown option: '--bogus'",
                "Try 'gov check --help' for more information."));
    }

    @Test
    void a_misspelt_command_is_a_usage_error_that_suggests_the_right_one() {
        Gov.Result r = Gov.plain().run("chek");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(lines(
                "gov: Unmatched argument at index 0: 'chek'",
                "Did you mean: gov check?",
                "Try 'gov --help' for more information."));
    }

    @Test
    void an_unknown_format_is_a_usage_error() {
        Gov.Result r = Gov.plain().run("check", "--format", "xml");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("gov: Invalid value for option '--format': expected one of [TEXT, JSON,"
                + " SARIF, JUNIT, MARKDOWN] (case-insensitive) but was 'xml'");
    }

    @Test
    void an_invalid_GOV_NOW_exits_2_and_names_the_variable() {
        Gov.Result r = Gov.plain().with("GOV_NOW", "yesterday").run("check", "--repo", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(lines("gov: GOV_NOW: 'yesterday' is not an ISO instant;"
                + " set it like GOV_NOW=2026-11-26T12:00:00Z or unset it to use the system clock"));
    }

    @Test
    void a_repository_that_does_not_exist_exits_2_and_names_it() {
        Path missing = dir.resolve("no-such-repo");

        Gov.Result r = Gov.atNow().run("check", "--repo", missing.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(lines("gov: " + missing + ": not a directory: give the root of a git repository"));
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_policy_file_that_does_not_exist_exits_2_and_names_it() {
        Path policy = dir.resolve("gov.yml");

        Gov.Result r = Gov.atNow().run("check", "--repo", dir.toString(), "--policy", policy.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(lines("gov: " + policy + ": policy file not found"));
    }

    @Test
    void a_malformed_policy_exits_2_with_file_line_and_problem_and_no_stack_trace() throws Exception {
        Path policy = dir.resolve("governance.yml");
        Files.writeString(policy, "branch: main\nhotspots: { count: 3 }\n", StandardCharsets.UTF_8);

        Gov.Result r = Gov.atNow().run("check", "--repo", dir.toString(), "--policy", policy.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("gov: " + policy + ":2: unknown key 'hotspots'");
        assertThat(r.err()).doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void a_yaml_alias_bomb_exits_2_with_file_and_line() throws Exception {
        Path policy = dir.resolve("bomb.yml");
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String prev = String.valueOf((char) (c - 1));
            yaml.append(c).append(": &").append(c).append(" [*").append(prev).append(",*").append(prev).append(",*")
                    .append(prev).append(",*").append(prev).append(",*").append(prev).append(",*").append(prev)
                    .append(",*").append(prev).append(",*").append(prev).append(",*").append(prev).append("]\n");
        }
        Files.writeString(policy, yaml, StandardCharsets.UTF_8);

        Gov.Result r = Gov.atNow().run("check", "--repo", dir.toString(), "--policy", policy.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).matches("gov: " + java.util.regex.Pattern.quote(policy.toString()) + ":\\d+: .*alias.*\n")
                .hasLineCount(1);
    }

    @Test
    void a_rule_file_that_does_not_compile_exits_2_with_file_and_line() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path drl = rules.resolve("broken.drl");
        Files.writeString(drl, "package acme;\n\nrule \"ci.broken\"\nwhen\n    $d : Deployment( env == )\nthen\nend\n",
                StandardCharsets.UTF_8);

        Gov.Result r = Gov.atNow().run("check", "--repo", dir.toString(), "--rules", rules.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(lines("gov: " + drl + ":5: rule 'ci.broken' does not compile: no viable "
                + "alternative at input ')' in rule \"ci.broken\""));
    }

    @Test
    void a_since_that_is_neither_date_nor_duration_is_a_usage_error() {
        Gov.Result r = Gov.atNow().run("check", "--repo", dir.toString(), "--since", "last week");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(lines(
                "gov: --since: 'last week' is neither a date nor a duration; write it like 2026-01-01, 30d, 36h, 2w or P30D",
                "Try 'gov check --help' for more information."));
    }

    @Test
    void a_hotspot_window_that_is_not_a_duration_is_a_usage_error() {
        Gov.Result r = Gov.atNow().run("hotspots", "--repo", dir.toString(), "--window", "a week");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(lines(
                "gov: --window: bad duration 'a week': use 7d, 36h, 2w or ISO-8601 like P7D",
                "Try 'gov hotspots --help' for more information."));
    }

    @Test
    void top_below_one_is_a_usage_error() {
        Gov.Result r = Gov.atNow().run("hotspots", "--repo", dir.toString(), "--top", "0");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(lines(
                "gov: --top must be at least 1, was 0",
                "Try 'gov hotspots --help' for more information."));
    }

    @Test
    void an_unexpected_exception_exits_2_not_0_and_hides_the_stack_trace() {
        Captured c = runWithBoom(false);

        assertThat(c.code).isEqualTo(2);
        assertThat(c.err).isEqualTo(lines(
                "gov: unexpected IllegalStateException: boom (run again with --verbose for the stack trace)"));
    }

    @Test
    void verbose_prints_the_stack_trace_of_an_unexpected_exception() {
        Captured c = runWithBoom(true);

        assertThat(c.code).isEqualTo(2);
        assertThat(c.err).startsWith(lines("gov: unexpected IllegalStateException: boom",
                "java.lang.IllegalStateException: boom"));
        assertThat(c.err).contains("\tat dev.governor.cli.CommandLineUsageTest$Boom.call");
    }

    @Test
    void an_error_such_as_a_rule_pack_that_fails_to_load_exits_2_naming_its_cause() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(CliEnvironment.of(Map.of()), new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        cli.addSubcommand("broken", new Broken());

        int code = cli.execute("broken");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(lines("gov: unexpected IllegalStateException: the rule pack is missing"
                + " (run again with --verbose for the stack trace)"));
    }

    private record Captured(int code, String err) {
    }

    /** A command that fails with an Error, as a class initializer that cannot load the rule pack does. */
    @Command(name = "broken")
    static final class Broken implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new ExceptionInInitializerError(new IllegalStateException("the rule pack is missing"));
        }
    }

    /** A command that fails the way a bug would, to see how gov reports it. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("boom");
        }
    }

    private static Captured runWithBoom(boolean verbose) {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(CliEnvironment.of(Map.of()), new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        cli.addSubcommand("boom", new Boom());
        int code = verbose ? cli.execute("--verbose", "boom") : cli.execute("boom");
        return new Captured(code, err.toString());
    }

    static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
