package dev.governor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostToolTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-07T00:00:00Z"), ZoneOffset.UTC);

    static String run(List<HostTool.DeployLogEntry> log, int expectedExit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = HostTool.run(log, CLOCK, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(expectedExit);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_host_tool_prints_a_warning_for_its_friday_deployment() {
        String out = run(List.of(
                new HostTool.DeployLogEntry("deploy-16", "9b1c2d3e4f5a", "prod", Instant.parse("2026-11-05T16:30:00Z"), true),
                new HostTool.DeployLogEntry("deploy-17", "3f2a9c1d0b7e", "prod", Instant.parse("2026-11-06T16:30:00Z"), true)),
                0);

        assertThat(out).isEqualTo("warning ci.no-friday-deploys 3f2a9c1d0b7e: deployed to prod on a Friday\n"
                + "1 finding, nothing blocks\n");
    }

    @Test
    void the_host_tool_prints_nothing_but_the_summary_for_a_quiet_week() {
        String out = run(List.of(
                new HostTool.DeployLogEntry("deploy-16", "9b1c2d3e4f5a", "prod", Instant.parse("2026-11-05T16:30:00Z"), true)),
                0);

        assertThat(out).isEqualTo("0 findings, nothing blocks\n");
    }
}
