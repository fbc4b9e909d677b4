package dev.governor.adapters.gates;

import dev.governor.api.Change;
import dev.governor.api.FactContext;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.GovernanceException;
import dev.governor.api.History;
import dev.governor.api.SignOff;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The sign-off being made, as facts for the Release rules: the {@link SignOff} ({@code REQUESTED}, at the
 * check's clock) of a SHA of the governed history, and its gate results, from the files given and from
 * {@code .gov/gates/<sha>/}. What {@code gov sign-off} adds to a {@code Governor}.
 *
 * <pre>{@code
 * SignOffRequest request = SignOffRequest.of("3f2a9c1", "prod", "ada@example.com")
 *     .gate("lint", Path.of("build/eslint.sarif"), "build/eslint.sarif");
 * Governor governor = Governor.builder().repository(Path.of(".")).facts(request).build();
 * }</pre>
 */
public final class SignOffRequest implements FactSource {
    private static final Pattern ENV = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    /** A gate result file given by name. */
    private record GateFile(String gate, Path file, String displayName) {}

    private final String sha;
    private final String env;
    private final String by;
    private final List<GateFile> gates;

    private SignOffRequest(String sha, String env, String by, List<GateFile> gates) {
        this.sha = sha;
        this.env = env;
        this.by = by;
        this.gates = List.copyOf(gates);
    }

    /**
     * A sign-off of {@code sha} (a SHA of the branch, full or 7 digits or more, or a change id like {@code #42})
     * for {@code env}, by {@code by}.
     *
     * @throws GovernanceException when the environment or the signer is not given
     */
    public static SignOffRequest of(String sha, String env, String by) {
        Objects.requireNonNull(sha, "sha");
        if (env == null || !ENV.matcher(env).matches()) {
            throw new GovernanceException("environment", 0, "'" + env + "' is not an environment name: use letters, digits,"
                    + " '.', '_', '-' or '/', like prod");
        }
        if (by == null || by.isBlank()) {
            throw new GovernanceException("signer", 0, "nobody signs: name who signs off (a person or a"
                    + " bot account)");
        }
        return new SignOffRequest(sha.strip(), env, by.strip(), List.of());
    }

    /** This request with one more gate result file ({@code --gate NAME=FILE}). */
    public SignOffRequest gate(String gate, Path file, String displayName) {
        List<GateFile> more = new ArrayList<>(gates);
        more.add(new GateFile(gate, file, displayName));
        return new SignOffRequest(sha, env, by, more);
    }

    /**
     * @throws GovernanceException when no repository is read, the SHA is not a change of its governed history,
     *                             or a gate result file is missing or malformed
     */
    @Override
    public Facts read(FactContext context) {
        History history = context.history();
        if (history == null || context.repository() == null) {
            throw new GovernanceException(null, 0, "a sign-off needs a repository: read the repository whose commit is"
                    + " signed off");
        }
        Change change = history.change(sha).orElseThrow(() -> new GovernanceException(context.repository().toString(),
                0, "'" + sha + "' is not a commit of the first-parent history of " + history.branch() + " ("
                + history.changes().size() + " changes read" + (context.since() == null ? "" : " since the policy's "
                + "since") + "): sign off a commit of the branch, by its SHA (7 digits or more) or change id"));
        String full = change.sha();
        Facts.Builder facts = Facts.builder().signOff(SignOff.requested(full, env, context.now(), by));
        for (GateFile g : gates) {
            facts.gateResult(GateFiles.read(g.file(), g.displayName(), g.gate(), full));
        }
        GateFiles.forSha(context.repository(), full).forEach(facts::gateResult);
        return facts.build();
    }
}
