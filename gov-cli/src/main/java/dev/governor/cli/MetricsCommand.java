package dev.governor.cli;

import dev.governor.Evaluation;
import dev.governor.Governor;
import dev.governor.Scope;
import dev.governor.api.Finding;
import dev.governor.api.GovernanceException;
import dev.governor.api.IsoWeek;
import dev.governor.api.policy.LearningPolicy;
import dev.governor.packs.learning.LearningPack;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gov metrics}: the seed's weekly review. Each Learning metric week by week, the weeks the rules found
 * degraded and the weeks releases are blocked in; as text, JSON, or one HTML page with a chart per metric.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Show the Learning metrics week by week (ISO weeks, UTC): change failure rate, MTTR, revert rate,"
                + " cross-team blocking time, the weeks that degraded and the weeks releases are blocked in.",
        footer = {"", "Records: .gov/deployments.yml, .gov/incidents.yml, .gov/reviews.yml (YAML, JSON or JSON Lines),"
                + " reverts from the history, review waits from PR records.",
                "Example: gov metrics --weeks 26 --format html --output metrics.html"})
final class MetricsCommand implements Callable<Integer> {

    /** How the metrics are printed. */
    enum Format { TEXT, JSON, HTML }

    @ParentCommand
    private GovCommand gov;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RepoOption repo;

    @Option(names = "--weeks", paramLabel = "N", defaultValue = "12",
            description = "Show the N ISO weeks up to this one (default: 12), and the next when releases are blocked in it.")
    private int weeks;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or html (default: text).")
    private Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    private Path output;

    @Override
    @SuppressWarnings("try") // the status line lives exactly as long as the work; the body need not touch it
    public Integer call() {
        if (weeks < 1 || weeks > 520) {
            throw new ParameterException(spec.commandLine(), "--weeks must be between 1 and 520, was " + weeks);
        }
        Clock clock = gov.environment().clock();
        Path root = repo.repository();
        IsoWeek first = IsoWeek.ofIndex(IsoWeek.of(clock.instant()).index() - weeks + 1);
        Evaluation evaluation;
        Governor governor;
        try (Progress progress = Progress.start(gov.environment(), spec.commandLine().getErr(),
                "reading the history and records of " + root)) {
            // the rules see every week; the report keeps the findings of the weeks shown
            governor = Governor.builder().repository(root).clock(clock).since(first.start()).build();
            if (!governor.policy().inForce("learning")) {
                throw new GovernanceException(governor.policy().source(), 0, "the learning layer is not in force"
                        + " (layers: " + String.join(", ", governor.policy().layers().stream().sorted().toList())
                        + "): add learning to layers to compute its metrics");
            }
            evaluation = governor.evaluate(Scope.all(), LearningPack.WEEKS);
        }
        List<Finding> learning = evaluation.report().findings().stream()
                .filter(f -> f.ruleId().equals(LearningMetrics.DEGRADED) || f.ruleId().equals(LearningMetrics.BLOCKER))
                .toList();
        LearningMetrics metrics = LearningMetrics.of(evaluation.view(LearningPack.WEEKS), learning,
                governor.policy().section(LearningPolicy.SECTION), clock.instant(), weeks);
        String document = switch (format) {
            case TEXT -> metrics.text();
            case JSON -> metrics.json();
            case HTML -> MetricsPage.html(metrics);
        };
        Output.write(document, output, spec.commandLine().getOut());
        return Main.ExitCodes.OK;
    }
}
