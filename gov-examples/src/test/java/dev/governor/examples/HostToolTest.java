package dev.governor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.api.GovernanceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host tool on CSV exports written as a deploy tool writes them. */
class HostToolTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-07T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    Run run(String csv) throws IOException {
        Path file = Files.writeString(dir.resolve("deployments.csv"), csv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HostTool.run(file, CLOCK, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void the_host_tool_prints_a_warning_for_its_friday_deployment() throws IOException {
        Run run = run("""
                id,sha,env,finished_at,status
                stage-16,9b1c2d3e4f5a,staging,2026-11-05T14:00:00Z,success
                deploy-16,9b1c2d3e4f5a,prod,2026-11-05T16:30:00Z,success
                stage-17,3f2a9c1d0b7e,staging,2026-11-06T14:00:00Z,success
                deploy-17,3f2a9c1d0b7e,prod,2026-11-06T16:30:00Z,success
                """);

        assertThat(run).isEqualTo(new Run(0, "warning ci.no-friday-deploys 3f2a9c1d0b7e: deployed to prod on a Friday\n"
                + "1 finding, nothing blocks\n", ""));
    }

    @Test
    void an_unstaged_prod_deployment_blocks() throws IOException {
        Run run = run("""
                id,sha,env,finished_at,status
                deploy-16,9b1c2d3e4f5a,prod,2026-11-05T16:30:00Z,success
                """);

        assertThat(run).isEqualTo(new Run(1, "blocking ci.prod-without-staging 9b1c2d3e4f5a: deploy-16 deployed "
                + "9b1c2d3e4f5a to prod with no successful staging deployment of it before\n"
                + "1 finding, 1 blocking\n", ""));
    }

    @Test
    void columns_may_come_in_any_order_and_values_may_be_quoted() throws IOException {
        Run run = run("""
                status,env,"id",sha,finished_at,ticket
                success,staging,stage-16,9b1c2d3e4f5a,2026-11-05T14:00:00Z,"OPS-1, OPS-2"
                success,prod,deploy-16,9b1c2d3e4f5a,2026-11-05T16:30:00Z,OPS-3
                """);

        assertThat(run).isEqualTo(new Run(0, "0 findings, nothing blocks\n", ""));
    }

    @Test
    void a_bad_row_names_file_line_and_what_to_fix() throws IOException {
        Run run = run("""
                id,sha,env,finished_at,status
                stage-16,9b1c2d3e4f5a,staging,2026-11-05T14:00:00Z,success
                deploy-16,9b1c2d3e4f5a,prod,yesterday,success
                """);

        assertThat(run).isEqualTo(new Run(2, "", dir.resolve("deployments.csv") + ":3: finished_at 'yesterday' is not "
                + "an instant: write it as 2026-11-06T16:30:00Z\n"));
    }

    @Test
    void a_missing_column_an_unknown_status_and_an_empty_value_are_refused() {
        DeploymentCsv missing = csv("id,sha,env,status\nd1,abc1234,prod,success\n");
        DeploymentCsv status = csv("id,sha,env,finished_at,status\nd1,abc1234,prod,2026-11-05T16:30:00Z,ok\n");
        DeploymentCsv empty = csv("id,sha,env,finished_at,status\nd1,,prod,2026-11-05T16:30:00Z,success\n");
        DeploymentCsv ragged = csv("id,sha,env,finished_at,status\nd1,abc1234,prod,2026-11-05T16:30:00Z,success,x\n");

        assertThat(problem(missing)).isEqualTo(":1: no column 'finished_at': the first line names the columns, "
                + "id,sha,env,finished_at,status");
        assertThat(problem(status)).isEqualTo(":2: status 'ok' is none of success, failed, rolled-back");
        assertThat(problem(empty)).isEqualTo(":2: no sha: every row needs one");
        assertThat(problem(ragged)).isEqualTo(":2: the row has 6 values, the header names 5: quote a value that holds "
                + "a comma");
    }

    @Test
    void a_missing_export_says_so() {
        assertThat(problem(new DeploymentCsv(dir.resolve("nope.csv"))))
                .isEqualTo(": deployment export not found: export the deployments as CSV to this file");
    }

    private DeploymentCsv csv(String text) {
        try {
            return new DeploymentCsv(Files.writeString(Files.createTempFile(dir, "export", ".csv"), text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message of reading {@code source}, after its file name. */
    private static String problem(DeploymentCsv source) {
        try {
            source.read(null);
            throw new AssertionError("no error");
        } catch (GovernanceException e) {
            return e.getMessage().substring(e.source().length());
        }
    }
}
