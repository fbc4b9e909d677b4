package dev.governor.examples;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.api.Deployment;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.Finding;
import dev.governor.api.Policy;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tiny host tool that embeds Governor: it feeds its own deployment log to the rules as
 * {@link Deployment} facts, adds the team's custom rules ({@code rules/*.drl} on its class path), and
 * prints the findings.
 *
 * <pre>{@code
 * List<HostTool.DeployLogEntry> log = List.of(new HostTool.DeployLogEntry(
 *     "deploy-17", "3f2a9c1d0b7e", "prod", Instant.parse("2026-11-06T16:30:00Z"), true));
 * Report report = HostTool.governor(log, HostTool.bundledRules(), Clock.systemUTC()).check();
 * HostTool.lines(report).forEach(System.out::println);
 * // warning ci.no-friday-deploys 3f2a9c1d0b7e: deployed to prod on a Friday
 * }</pre>
 */
public final class HostTool {

    private HostTool() {
    }

    /**
     * One entry of the host's own deployment log, in the host's own shape.
     *
     * @param id          the host's id of the deployment
     * @param commit      the deployed commit
     * @param environment where it went ({@code prod}, {@code staging} …)
     * @param finishedAt  when it finished
     * @param succeeded   whether it succeeded
     */
    public record DeployLogEntry(String id, String commit, String environment, Instant finishedAt, boolean succeeded) {
        public DeployLogEntry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(finishedAt, "finishedAt");
        }
    }

    /** The host's log as a fact source: each entry becomes a {@link Deployment}. */
    public static FactSource deployments(List<DeployLogEntry> log) {
        List<Deployment> facts = log.stream().map(e -> new Deployment(e.id(), e.commit(), e.environment(),
                e.finishedAt(), e.succeeded() ? Deployment.Status.SUCCESS : Deployment.Status.FAILED)).toList();
        return context -> Facts.builder().addAll(facts).build();
    }

    /**
     * A Governor over the host's log alone (no repository), with the custom rules in {@code rulesDir}.
     *
     * @throws dev.governor.api.GovernanceException naming file and line when a rule file does not compile
     */
    public static Governor governor(List<DeployLogEntry> log, Path rulesDir, Clock clock) {
        return Governor.builder()
                .facts(deployments(log))
                // this host keeps no sign-off evidence (refs/notes/governance): without it, every deployment of its
                // log would be reported as unsigned, which says nothing about its own rule
                .policy(Policy.builder().rule("release.unsigned-deployment", Policy.RuleSetting.OFF).build())
                .rules(rulesDir)
                .clock(clock)
                .withoutServiceLoadedSources()
                .build();
    }

    /** The findings, one line each: {@code <severity> <rule> <subject>: <message>}. */
    public static List<String> lines(Report report) {
        return report.findings().stream().map(HostTool::line).toList();
    }

    private static String line(Finding f) {
        return f.severity().id() + " " + f.ruleId() + " " + f.subject().id() + ": " + f.message();
    }

    /** The custom rules shipped with this tool ({@code rules/} on the class path), in a directory or a jar. */
    public static Path bundledRules() {
        URL url = HostTool.class.getResource("/rules/no-friday-deploys.drl");
        if (url == null) {
            throw new IllegalStateException("rules/no-friday-deploys.drl is missing from the class path: "
                    + "build gov-examples with its resources");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                // Governor reads rule directories through java.nio, so a zip file system serves as well
                try {
                    FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException notOpenYet) {
                    FileSystems.newFileSystem(uri, Map.of());
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + url, e);
        }
    }

    /** Checks a sample log (a Thursday and a Friday deployment to prod) and prints the findings. */
    public static void main(String[] args) {
        System.exit(run(List.of(
                new DeployLogEntry("deploy-16", "9b1c2d3e4f5a", "prod", Instant.parse("2026-11-05T16:30:00Z"), true),
                new DeployLogEntry("deploy-17", "3f2a9c1d0b7e", "prod", Instant.parse("2026-11-06T16:30:00Z"), true)),
                Clock.systemUTC(), System.out));
    }

    /** Checks {@code log}, prints one line per finding to {@code out}; returns 1 when something blocks, else 0. */
    static int run(List<DeployLogEntry> log, Clock clock, PrintStream out) {
        Report report = governor(log, bundledRules(), clock).check();
        List<String> lines = lines(report);
        lines.forEach(out::println);
        out.println(lines.size() + (lines.size() == 1 ? " finding, " : " findings, ")
                + (report.passed() ? "nothing blocks" : report.blocking().size() + " blocking"));
        return report.passed() ? 0 : 1;
    }
}
