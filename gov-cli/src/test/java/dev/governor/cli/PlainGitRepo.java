package dev.governor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A repository built with the git command line, as a team builds theirs: a clean configuration, fixed
 * identities, both dates fixed per commit.
 */
final class PlainGitRepo {
    private final Path root;

    private PlainGitRepo(Path root) {
        this.root = root;
    }

    /** A new repository on branch {@code main} in {@code dir}. */
    static PlainGitRepo init(Path dir) {
        PlainGitRepo repo = new PlainGitRepo(dir);
        repo.git(Instant.EPOCH, "init", "-q", "-b", "main");
        return repo;
    }

    Path root() {
        return root;
    }

    /** Writes a file of the working tree. */
    PlainGitRepo write(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a file of the working tree. */
    PlainGitRepo delete(String path) {
        try {
            Files.delete(root.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits everything in the working tree at {@code at}. */
    void commit(Instant at, String message) {
        git(at, "add", "-A");
        git(at, "commit", "-q", "-m", message);
    }

    /** Runs the git command line with a clean configuration and both dates at {@code at}. */
    String git(Instant at, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(root);
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            env.put("GIT_CONFIG_GLOBAL", "/dev/null");
            env.put("GIT_AUTHOR_NAME", "Ann Dev");
            env.put("GIT_AUTHOR_EMAIL", "ann@example.com");
            env.put("GIT_COMMITTER_NAME", "Ann Dev");
            env.put("GIT_COMMITTER_EMAIL", "ann@example.com");
            env.put("GIT_AUTHOR_DATE", at.toString());
            env.put("GIT_COMMITTER_DATE", at.toString());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
