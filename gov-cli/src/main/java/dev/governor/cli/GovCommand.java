package dev.governor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code gov}: engineering governance over a git repository. The subcommands do the work; this holds what
 * they share (the environment, {@code --verbose}).
 *
 * <pre>{@code
 * gov check --repo . --format json
 * }</pre>
 */
@Command(name = "gov", mixinStandardHelpOptions = true, versionProvider = GovCommand.ToolVersion.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Engineering governance at AI speed: checks a repository's history against the five layers"
                + " (intent, contract, change, release, learning).",
        footer = {"", "Examples:",
                "  gov init                          adopt Governor: policy, PR template, ADR",
                "  gov check                         the findings of the last 90 days",
                "  gov check --format sarif --output gov.sarif",
                "  gov hotspots --top 10             files tactical fixes keep touching",
                "  gov explain intent.tactical-hotspot  what a rule checks, what to do",
                "  source <(gov generate-completion)    tab completion in bash or zsh",
                "",
                "Exit codes: 0 nothing blocking, 1 at least one blocking finding,",
                "2 usage error or bad input.",
                "GOV_NOW (an ISO instant) fixes the clock for reproducible reports."},
        subcommands = {CheckCommand.class, InitCommand.class, DemoCommand.class, SignOffCommand.class,
                HotspotsCommand.class, MetricsCommand.class, AdrCommand.class, ContextCommand.class, DiffCommand.class,
                RulesCommand.class, ExplainCommand.class, HooksCommand.class, McpCommand.class,
                AutoComplete.GenerateCompletion.class})
public final class GovCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    private boolean verbose;

    GovCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        // `gov` alone: say what there is to do; it did nothing, so it must not pass as a clean check
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.ExitCodes.USAGE;
    }

    CliEnvironment environment() {
        return environment;
    }

    boolean verbose() {
        return verbose;
    }

    /** The version of the tool, from the build. */
    static String version() {
        try (InputStream in = GovCommand.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Supplies {@code gov --version}. */
    static final class ToolVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"governor " + version()};
        }
    }
}
