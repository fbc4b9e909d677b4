package dev.governor.cli;

import dev.governor.Evaluation;
import dev.governor.Governor;
import dev.governor.Scope;
import dev.governor.adapters.gates.SignOffRequest;
import dev.governor.adapters.github.GitHubClient;
import dev.governor.adapters.notes.GovernanceNotes;
import dev.governor.api.GovernanceException;
import dev.governor.api.SignOff;
import dev.governor.packs.release.ReleasePack;
import dev.governor.packs.release.ReleaseRange;
import dev.governor.packs.release.SignOffEvidence;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
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

/**
 * {@code gov sign-off}: runs the Release predicates for one SHA and one environment and prints the evidence;
 * exit 1 when the sign-off fails. {@code --record} keeps the evidence as a git note, {@code --post github}
 * posts it as a commit comment.
 */
@Command(name = "sign-off", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Verify one SHA for one environment (gates, blocking findings in the range since the last"
                + " sign-off, learning blockers, independent review) and print the evidence.",
        footer = {"", "Exit codes: 0 signed off, 1 a predicate failed, 2 usage error or bad input.",
                "--post github reads GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL; the token is never printed."})
final class SignOffCommand implements Callable<Integer> {

    /** The evidence's formats. */
    enum Format { MARKDOWN, JSON }

    @ParentCommand
    private GovCommand gov;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RepoOption repo;

    @Option(names = "--sha", required = true, paramLabel = "SHA",
            description = "The commit to sign off: a SHA of the branch (7 digits or more) or a change id like #42.")
    private String sha;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment, like prod.")
    private String env;

    @Option(names = "--gate", paramLabel = "NAME=FILE",
            description = "A gate's result: JUnit XML, SARIF 2.1.0, Checkstyle XML or {gate, sha, status} JSON/YAML"
                    + " (repeatable; .gov/gates/<sha>/NAME.<ext> are read too).")
    private List<String> gates = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown or json (default: markdown).")
    private Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the evidence to FILE instead of stdout.")
    private Path output;

    @Option(names = "--record", description = "Append the JSON evidence to the SHA's note under refs/notes/governance.")
    private boolean record;

    @Option(names = "--post", paramLabel = "TARGET", description = "Post the Markdown evidence: github (a commit comment).")
    private String post;

    @Option(names = "--by", paramLabel = "WHO",
            description = "Who signs off (default: GITHUB_ACTOR, else git's user.email, else user.name).")
    private String by;

    @Override
    public Integer call() {
        CliEnvironment environment = gov.environment();
        if (post != null && !post.equals("github")) {
            throw new ParameterException(spec.commandLine(), "--post: '" + post + "' is not a target; use github");
        }
        // read the configuration first: a missing token must not cost a whole evaluation
        GitHubClient github = post != null ? GitHubClient.fromEnvironment(environment.variables()) : null;
        Path root = repo.repository();
        SignOffRequest request = SignOffRequest.of(sha, env, signer(environment, root));
        for (String gate : gates) {
            int eq = gate.indexOf('=');
            if (eq <= 0 || eq == gate.length() - 1) {
                throw new ParameterException(spec.commandLine(), "--gate: '" + gate + "' is not NAME=FILE, like"
                        + " lint=build/eslint.sarif");
            }
            String file = gate.substring(eq + 1);
            request = request.gate(gate.substring(0, eq), Path.of(file), file);
        }
        Governor governor = Governor.builder().repository(root).clock(environment.clock())
                .since(Instant.MIN) // the evidence needs every finding of the range, however old
                .facts(request).build();
        Evaluation run = governor.evaluate(Scope.all(), ReleasePack.RANGES, ReleasePack.GATES);
        List<ReleaseRange> ranges = run.view(ReleasePack.RANGES);
        SignOff signOff = ranges.stream().map(ReleaseRange::signOff).filter(SignOff::isRequested).findFirst()
                .orElseThrow(() -> new GovernanceException(null, 0, "the release layer is not in force, so nothing"
                        + " could be verified: add release to layers in governance.yml"));
        SignOffEvidence evidence = SignOffEvidence.of(signOff, run.report().findings(), ranges,
                run.view(ReleasePack.GATES), governor.policy(), "governor " + GovCommand.version());
        String markdown = evidence.toMarkdown();
        Output.write(format == Format.JSON ? evidence.toJson() : markdown, output, spec.commandLine().getOut());
        PrintWriter err = spec.commandLine().getErr();
        if (record) {
            GovernanceNotes.append(root, evidence.recorded(), evidence.toJsonLine());
            err.println("gov: recorded the evidence in " + GovernanceNotes.REF + " on " + signOff.sha());
        }
        if (github != null) {
            URI comment = github.commitComment(signOff.sha(), markdown);
            err.println("gov: posted the evidence to " + comment);
        }
        err.flush();
        return evidence.passed() ? Main.ExitCodes.OK : Main.ExitCodes.BLOCKING;
    }

    /** {@code --by}, else the CI's actor, else git's identity for the repository. */
    private String signer(CliEnvironment environment, Path root) {
        if (by != null && !by.isBlank()) {
            return by;
        }
        String actor = environment.variables().get("GITHUB_ACTOR");
        if (actor != null && !actor.isBlank()) {
            return actor;
        }
        String configured = GovernanceNotes.configuredSigner(root);
        if (configured == null) {
            throw new ParameterException(spec.commandLine(), "--by: nobody signs; give --by NAME, or set GITHUB_ACTOR"
                    + " or git's user.email");
        }
        return configured;
    }
}
