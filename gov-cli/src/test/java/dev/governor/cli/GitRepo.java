package dev.governor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository in a temporary directory, committed to at chosen times. */
final class GitRepo implements AutoCloseable {
    /** The trailers that keep the Change layer quiet, so that a test sees only what it provokes. */
    static final String COMPLETE = "Intent: keep the ledger right\nBlast-Radius: ledger only\n"
            + "Verification: unit tests\nRollback: revert the commit\nRisk: low\n";

    private final Path root;
    private final Git git;

    private GitRepo(Path root, Git git) {
        this.root = root;
        this.git = git;
    }

    static GitRepo init(Path dir) {
        try {
            return new GitRepo(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    Path root() {
        return root;
    }

    /** Writes {@code path} and commits it with {@code message} at {@code when}; returns the full SHA. */
    String commit(String path, String content, String message, Instant when) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            git.add().addFilepattern(path).call();
            PersonIdent who = new PersonIdent("Ada Lovelace", "ada@example.com", when, ZoneOffset.UTC);
            RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
            return c.getName();
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The four template fields alone: a change that says what the Change layer asks, and nothing of Intent's. */
    static final String FIELDS = "Intent: keep the ledger right\nBlast-Radius: ledger only\n"
            + "Verification: unit tests\nRollback: revert the commit\n";

    /** A commit with the template fields but no type and no risk: Intent warns, nothing else does. */
    String untyped(String path, String content, String subject, Instant when) {
        return commit(path, content, subject + "\n\n" + FIELDS, when);
    }

    /** A commit of {@code type} with every template field, as a well-behaved team writes it. */
    String change(String path, String content, String subject, String type, Instant when) {
        return commit(path, content, subject + "\n\nChange-Type: " + type + "\n" + COMPLETE, when);
    }

    @Override
    public void close() {
        git.close();
    }
}
