package dev.governor.cli;

import dev.governor.Baseline;
import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.Scope;
import dev.governor.api.GovernanceException;
import dev.governor.api.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        description = "Evaluate every layer in force on the history and print the findings.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gov check                                  the last 90 days, as text",
            "  gov check --change '#42' --format markdown one pull request: a PR comment",
            "  gov check --format sarif --output gov.sarif  for GitHub code scanning",
            "  gov check --format junit --output gov.xml  for a CI server's test report",
            "  gov check --since 2020-01-01 --baseline governance-baseline.txt \\",
            "            --update-baseline                accept today's findings",
            "  gov check --baseline governance-baseline.txt  then only new ones count",
            "  gov check --pending --message .git/COMMIT_EDITMSG  what is staged, before it is committed",
            "",
            "Exit codes: 0 nothing blocking, 1 at least one blocking finding,",
            "2 usage error or bad input."})
final class CheckCommand implements Callable<Integer> {

    /** The output formats of {@code gov check}. */
    enum Format { TEXT, JSON, SARIF, JUNIT, MARKDOWN }

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
            description = "Report findings from this date (2026-01-01, 00:00 UTC) or this long ago (30d, 36h, 2w)"
                    + " (default: 90 days). The rules always see the whole governed history (the policy's since:).")
    private String since;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "The policy file (default: governance.yml in the repository, else the defaults).")
    private Path policy;

    @Mixin
    private RulesOption rules;

    @Option(names = "--change", paramLabel = "ID",
            description = "Report only findings of this change: #42 or a SHA (repeatable; the CI mode for one PR).")
    private List<String> changes = new ArrayList<>();

    @Option(names = "--pending",
            description = "Check what is staged in the index as one more change on top of HEAD, merged now"
                    + " (GOV_NOW), and report only its findings (what the commit-msg hook runs).")
    private boolean pending;

    @Option(names = "--message", paramLabel = "FILE",
            description = "With --pending: the commit message (trailers and Conventional Commits type are read from"
                    + " it as from a commit's; default: none).")
    private Path message;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, sarif (SARIF 2.1.0), junit (JUnit XML) or markdown (a PR comment)"
                    + " (default: text).")
    private Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    private Path output;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Suppress the findings accepted in FILE: only new ones count. A missing FILE is an error"
                    + " (unless --update-baseline records it).")
    private Path baseline;

    @Option(names = "--update-baseline",
            description = "Accept every finding reported now: write them to the --baseline FILE (dropping fixed"
                    + " ones) and report against it.")
    private boolean updateBaseline;

    @Option(names = "--max-per-rule", paramLabel = "N", defaultValue = "" + TextReport.DEFAULT_PER_RULE,
            description = "In text and markdown, show at most N findings of a rule and sum up the rest (0: all;"
                    + " default: ${DEFAULT-VALUE}). json, sarif and junit always list every finding.")
    private int maxPerRule;

    @Override
    @SuppressWarnings("try") // the progress bar lives exactly as long as the work; the body need not touch it
    public Integer call() {
        if (updateBaseline && baseline == null) {
            throw new ParameterException(spec.commandLine(), "--update-baseline needs --baseline FILE: the file to write");
        }
        if (updateBaseline && !changes.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--update-baseline cannot be combined with --change: the"
                    + " baseline would lose every accepted finding of the other changes");
        }
        if (message != null && !pending) {
            throw new ParameterException(spec.commandLine(), "--message FILE is the pending change's commit message:"
                    + " add --pending");
        }
        if (pending && (!changes.isEmpty() || updateBaseline)) {
            throw new ParameterException(spec.commandLine(), "--pending checks the staged change alone: it cannot be"
                    + " combined with " + (updateBaseline ? "--update-baseline" : "--change"));
        }
        if (maxPerRule < 0) {
            throw new ParameterException(spec.commandLine(), "--max-per-rule must be 0 (all) or more, was " + maxPerRule);
        }
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
        // read before the long work: a mistyped path must fail at once, not after the history was read
        if (baseline != null && !updateBaseline && !Files.exists(baseline)) {
            // the library's message names no flag; here the user typed one, so say which to add
            throw new GovernanceException(baseline.toString(), 0, "baseline file not found: give the path of an"
                    + " existing baseline, or record one from today's findings with gov check --baseline " + baseline
                    + " --update-baseline");
        }
        Baseline accepted = baseline != null && !(updateBaseline && !Files.exists(baseline))
                ? Baseline.read(baseline) : null;
        Governor governor;
        Report report;
        try (Progress progress = Progress.start(gov.environment(), spec.commandLine().getErr(),
                "reading the history of " + repo.repository())) {
            governor = builder.build();
            report = pending ? governor.checkPending(readMessage())
                    : governor.check(changes.isEmpty() ? Scope.all() : Scope.changes(changes));
        }
        if (updateBaseline) {
            accepted = update(report, accepted, spec.commandLine().getErr());
        }
        if (accepted != null) {
            report = report.without(accepted);
        }
        Report done = report;
        RuleCatalog catalog = new RuleCatalog(governor.rules(), done.findings());
        Output.write(output, spec.commandLine().getOut(), out -> {
            switch (format) {
                case JSON -> done.writeJson(out);
                case SARIF -> SarifReport.write(done, catalog, out);
                case JUNIT -> JunitReport.write(done, catalog, out);
                case MARKDOWN -> MarkdownReport.write(done, catalog, maxPerRule, out);
                case TEXT -> TextReport.write(done, catalog, maxPerRule, out);
            }
        });
        return done.passed() ? Main.ExitCodes.OK : Main.ExitCodes.BLOCKING;
    }

    /** The {@code --message} file's text, or {@code ""} when none was given. */
    private String readMessage() {
        if (message == null) {
            return "";
        }
        try {
            return Files.readString(message, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new GovernanceException(message.toString(), 0, "commit message file not found: give the file git"
                    + " passes to the commit-msg hook (\"$1\"), or leave --message out");
        } catch (IOException e) {
            throw new GovernanceException(message.toString(), 0, "cannot read the commit message (" + e.getMessage()
                    + "): it must be a readable UTF-8 text file");
        }
    }

    /**
     * Writes the baseline: every finding reported now, and the entries of the old one whose findings still
     * occur outside the reported span; entries whose findings no longer occur at all (fixed) are dropped.
     */
    private Baseline update(Report report, Baseline old, PrintWriter err) {
        List<Baseline.Entry> entries = new ArrayList<>();
        int dropped = 0;
        if (old != null) {
            Set<String> stale = new HashSet<>();
            report.without(old).staleInBaseline().forEach(e -> stale.add(e.fingerprint()));
            for (Baseline.Entry e : old.entries()) {
                if (stale.contains(e.fingerprint())) {
                    dropped++;
                } else {
                    entries.add(e);
                }
            }
        }
        int added = 0;
        for (Finding f : report.findings()) {
            if (old == null || !old.contains(f)) {
                added++;
            }
            entries.add(Baseline.Entry.of(f));
        }
        Baseline updated = Baseline.ofEntries(entries);
        updated.write(baseline);
        int kept = updated.size() - added;
        err.println("gov: wrote " + baseline + ": " + TextReport.number(updated.size()) + " accepted "
                + (updated.size() == 1 ? "finding" : "findings") + " (" + TextReport.number(added) + " new, "
                + TextReport.number(kept) + " kept, " + TextReport.number(dropped) + " fixed and dropped);"
                + " commit it, and check with --baseline " + baseline);
        err.flush();
        return updated;
    }
}
