package dev.governor.cli;

import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Runs {@code gov}: {@code java -jar gov.jar check --repo .}. Exit codes: 0 nothing blocking, 1 at least
 * one blocking finding, 2 usage error or bad input.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = commandLine(new CliEnvironment(System.getenv(), stderrIsTerminal()), out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Whether a person watches stderr: progress goes there only then. On Linux stderr itself is asked (so
     * {@code gov check --format json > out.json} at a terminal still shows progress); elsewhere, whether the
     * process has a console.
     */
    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd)) {
            try {
                String target = fd.toRealPath().toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | SecurityException e) {
                return false;
            }
        }
        return System.console() != null;
    }

    /**
     * The configured command line, writing to {@code out} and {@code err}; tests run it in-process with an
     * environment of their own.
     */
    public static CommandLine commandLine(CliEnvironment environment, PrintWriter out, PrintWriter err) {
        GovCommand gov = new GovCommand(environment);
        CommandLine cli = new CommandLine(gov);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // errors go to the writer given here, also for subcommands added later (tests add some)
        cli.setParameterExceptionHandler((e, args) -> usageError(e, err));
        cli.setExecutionExceptionHandler((e, failed, parsed) -> failure(e, gov.verbose(), err));
        // picocli hands only Exceptions to the handler; an Error (a rule pack that fails to load) would
        // escape to the JVM's exit code 1, which reads as "blocking findings": wrap it instead
        cli.setExecutionStrategy(parsed -> {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (Error e) {
                throw new CommandLine.ExecutionException(cli, String.valueOf(e.getMessage()), e);
            }
        });
        return cli;
    }

    /** Convenience for tests and embedding: runs one command line and returns its exit code. */
    public static int run(CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(environment, out, err).execute(args);
    }

    // picocli's default prints the whole usage; one line saying what is wrong and where to look reads better
    private static int usageError(CommandLine.ParameterException e, PrintWriter err) {
        CommandLine failed = e.getCommandLine();
        err.println("gov: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int failure(Exception caught, boolean verbose, PrintWriter err) {
        Throwable e = caught instanceof CommandLine.ExecutionException && caught.getCause() instanceof Error
                ? caught.getCause() : caught;
        if (e instanceof GovernanceException bad) {
            err.println("gov: " + bad.getMessage());
        } else {
            // never exit 0 on a surprise: governance fails closed. The innermost cause says most.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            err.println("gov: unexpected " + root.getClass().getSimpleName()
                    + (root.getMessage() != null ? ": " + root.getMessage() : "")
                    + (verbose ? "" : " (run again with --verbose for the stack trace)"));
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** The exit codes of spec/cli.md. */
    static final class ExitCodes {
        static final int OK = 0;
        static final int BLOCKING = 1;
        static final int USAGE = 2;

        private ExitCodes() {
        }
    }
}
