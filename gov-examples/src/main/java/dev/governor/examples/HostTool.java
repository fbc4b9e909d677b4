package dev.governor.examples;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.api.Finding;
import dev.governor.api.GovernanceException;
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
import java.util.List;
import java.util.Map;

/**
 * A tiny host tool that embeds Governor: it feeds its own deployment export (a CSV file, read by its own
 * {@link DeploymentCsv} fact source) to the rules, adds the team's rule pack ({@code rules/*.drl} on its
 * class path), and prints the findings.
 *
 * <pre>{@code
 * Report report = HostTool.governor(Path.of("deployments.csv"), HostTool.bundledRules(), Clock.systemUTC()).check();
 * HostTool.lines(report).forEach(System.out::println);
 * // warning ci.no-friday-deploys 3f2a9c1d0b7e: deployed to prod on a Friday
 * }</pre>
 */
public final class HostTool {

    private HostTool() {
    }

    /**
     * A Governor over the host's deployment export alone (no repository), with the rule pack in {@code rulesDir}.
     *
     * @throws dev.governor.api.GovernanceException naming file and line when a rule file does not compile
     */
    public static Governor governor(Path deploymentsCsv, Path rulesDir, Clock clock) {
        return Governor.builder()
                .facts(new DeploymentCsv(deploymentsCsv))
                // this host keeps no sign-off evidence (refs/notes/governance): without it, every deployment of its
                // export would be reported as unsigned, which says nothing about its own rules
                .policy(Policy.builder().rule("release.unsigned-deployment", Policy.RuleSetting.OFF).build())
                .rules(rulesDir)
                .clock(clock)
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

    /** {@code HostTool deployments.csv}: checks the export and prints the findings; exit 1 when something blocks, 2 on bad input. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HostTool DEPLOYMENTS.csv");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), Clock.systemUTC(), System.out, System.err));
    }

    /** Checks the export in {@code csv}, prints one line per finding to {@code out}; returns the exit code. */
    static int run(Path csv, Clock clock, PrintStream out, PrintStream err) {
        Report report;
        try {
            report = governor(csv, bundledRules(), clock).check();
        } catch (GovernanceException e) {
            err.println(e.getMessage());
            return 2;
        }
        List<String> lines = lines(report);
        lines.forEach(out::println);
        out.println(lines.size() + (lines.size() == 1 ? " finding, " : " findings, ")
                + (report.passed() ? "nothing blocks" : report.blocking().size() + " blocking"));
        return report.passed() ? 0 : 1;
    }
}
