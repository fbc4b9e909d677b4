package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What gov offers at a desk: examples in --help, shell completion, a progress bar only for people. */
class CommandLineHelpTest {

    @Test
    void check_help_ends_with_examples_and_the_exit_codes() {
        Gov.Result r = Gov.plain().run("check", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\nExamples:\n  gov check                                  the last 90 days, as text\n")
                .contains("\n  gov check --format sarif --output gov.sarif  for GitHub code scanning\n")
                .endsWith("\nExit codes: 0 nothing blocking, 1 at least one blocking finding,\n2 usage error or bad input.\n");
    }

    @Test
    void every_command_has_examples_in_its_help() {
        for (String command : new String[] {"check", "init", "demo", "hotspots", "rules", "explain"}) {
            assertThat(Gov.plain().run(command, "--help").out()).as(command).contains("\nExamples:\n  gov " + command);
        }
        assertThat(Gov.plain().run("--help").out()).contains("\nExamples:\n  gov init ");
    }

    @Test
    void picocli_generates_a_completion_script_that_knows_the_commands_and_their_options() {
        Gov.Result r = Gov.plain().run("generate-completion");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("complete -F _complete_gov", "check", "init", "hotspots", "--update-baseline",
                "--max-per-rule");
    }

    @Test
    void a_progress_line_stays_silent_for_a_moment_then_draws_and_is_erased() {
        StringWriter err = new StringWriter();
        Progress.Line quick = new Progress.Line(new PrintWriter(err), 40, Duration.ofHours(1));
        quick.accept("reading ... 1s");
        quick.close();
        assertThat(err.toString()).isEmpty();

        Progress.Line slow = new Progress.Line(new PrintWriter(err), 10, Duration.ZERO);
        slow.accept("reading the history ... 3s");
        slow.close();
        assertThat(err.toString()).isEqualTo("\rreading th\r\033[K");
    }

    @Test
    void progress_is_never_drawn_when_nobody_watches() {
        StringWriter err = new StringWriter();

        try (Progress p = Progress.start(CliEnvironment.of(java.util.Map.of()), new PrintWriter(err), "reading")) {
            assertThat(p).isNotNull();
        }

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void the_progress_bar_of_the_library_draws_through_the_line_when_a_person_watches() throws Exception {
        StringWriter err = new StringWriter();
        CliEnvironment watched = new CliEnvironment(java.util.Map.of("COLUMNS", "60"), true);

        String whileRunning;
        try (Progress p = Progress.start(watched, new PrintWriter(err), "reading the history of shop")) {
            Thread.sleep(Progress.DELAY.toMillis() + 1200);
            whileRunning = err.toString();
        }

        // drawn while the work runs (not only when it ends), and erased at the end
        assertThat(whileRunning).startsWith("\rreading the history of shop");
        assertThat(err.toString()).endsWith("\r\033[K");
    }

    @Test
    void columns_come_from_the_shell_else_80() {
        assertThat(new CliEnvironment(java.util.Map.of("COLUMNS", "120"), true).columns()).isEqualTo(119);
        assertThat(new CliEnvironment(java.util.Map.of("COLUMNS", "wide"), true).columns()).isEqualTo(79);
        assertThat(CliEnvironment.of(java.util.Map.of()).columns()).isEqualTo(79);
    }
}
