package dev.governor.cli;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.Scope;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gov check}: every layer in force over the history; exit 1 when anything blocks. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Evaluate every layer in force on the history and print the findings.")
final class CheckCommand implements Callable<Integer> {

    /** The output formats of this issue; sarif, junit and markdown come later. */
    enum Format { TEXT, JSON }

    @ParentCommand
    private GovCommand gov;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RepoOption repo;

    @Option(names = "--branch", paramLabel = "B",
            description = "The branch whose first-parent history is read (default: the policy's, else HEAD's).")
    private String branch;

    @Option(names = "--since", paramLabel = "DATE|DURATION",
            description = "Ignore history before this date (2026-01-01, 00:00 UTC) or this long ago (30d, 36h, 2w)"
                    + " (default: the policy's since, else 90 days).")
    private String since;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "The policy file (default: governance.yml in the repository, else the defaults).")
    private Path policy;

    @Mixin
    private RulesOption rules;

    @Option(names = "--change", paramLabel = "ID",
            description = "Report only findings of this change: #42 or a SHA (repeatable; the CI mode for one PR).")
    private List<String> changes = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: text).")
    private Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    private Path output;

    @Override
    @SuppressWarnings("try") // the status line lives exactly as long as the work; the body need not touch it
    public Integer call() {
        Clock clock = gov.environment().clock();
        Governor.Builder builder = Governor.builder().repository(repo.repository()).clock(clock);
        if (branch != null) {
            builder.branch(branch);
        }
        if (since != null) {
            try {
                builder.since(Since.parse(since, clock));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--since: " + e.getMessage());
            }
        }
        if (policy != null) {
            builder.policy(policy.toAbsolutePath()); // a command-line path is the shell's, not the repository's
        }
        rules.addTo(builder);
        Report report;
        try (Progress progress = Progress.start(gov.environment(), spec.commandLine().getErr(),
                "reading the history of " + repo.repository())) {
            report = builder.build().check(changes.isEmpty() ? Scope.all() : Scope.changes(changes));
        }
        String document = format == Format.JSON ? report.toJson() : TextReport.render(report);
        Output.write(document, output, spec.commandLine().getOut());
        return report.passed() ? Main.ExitCodes.OK : Main.ExitCodes.BLOCKING;
    }
}
