package dev.governor.cli;

import dev.governor.Context;
import dev.governor.Governor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gov context PATH…}: what a change to those paths must know before it is made, each layer telling its
 * part (locks and hotspot counts, covering ADRs and boundaries, contracts and consumers, recent reverts, open
 * blockers). The cross-session memory an AI coding session reads before it edits.
 *
 * <pre>{@code
 * gov context src/pay/Ledger.java --format json
 * }</pre>
 */
@Command(name = "context", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        footerHeading = "%nExamples:%n",
        footer = {
            "  gov context src/pay/Ledger.java        before editing a file",
            "  gov context services/billing --format json",
            "A path the head does not have is still answered (it may be about to be created)."},
        description = "Show what a change to PATH must know: locks and hotspot counts, covering ADRs and boundaries,"
                + " contracts and their consumers, recent reverts, open blockers.")
final class ContextCommand implements Callable<Integer> {

    @ParentCommand
    private GovCommand gov;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RepoOption repo;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Files or directories, relative to the repository root.")
    private List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: text).")
    private Format format;

    /** The output formats of {@code gov context}. */
    enum Format { TEXT, JSON }

    @Override
    @SuppressWarnings("try") // the status line lives exactly as long as the work
    public Integer call() {
        Path root = repo.repository();
        Context context;
        try (Progress progress = Progress.start(gov.environment(), spec.commandLine().getErr(),
                "reading the history of " + root)) {
            Governor governor = Governor.builder().repository(root).clock(gov.environment().clock()).build();
            context = governor.context(paths);
        }
        Output.write(format == Format.JSON ? context.toJson() : context.toText(), null, spec.commandLine().getOut());
        return Main.ExitCodes.OK;
    }
}
