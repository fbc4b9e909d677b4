package dev.governor.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A repository built with the plain git command line, as a team builds theirs: isolated from the machine's
 * git configuration, with fixed identities and dates so that SHAs are reproducible.
 */
final class PlainRepo {

    final Path dir;

    private PlainRepo(Path dir) {
        this.dir = dir;
    }

    /** A new repository on branch {@code main}. */
    static PlainRepo init(Path dir) {
        PlainRepo git = new PlainRepo(dir);
        git.git(Instant.EPOCH, "init", "-q", "-b", "main");
        return git;
    }

    /** Writes a file of the working tree. */
    PlainRepo write(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a file or directory with {@code git mv}. */
    PlainRepo move(String from, String to) {
        try {
            Path target = dir.resolve(to).getParent();
            if (target != null) {
                Files.createDirectories(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(Instant.EPOCH, "mv", from, to);
        return this;
    }

    /** Removes a file or directory with {@code git rm -r}. */
    PlainRepo remove(String path) {
        git(Instant.EPOCH, "rm", "-q", "-r", path);
        return this;
    }

    /** Commits everything at {@code when}; returns the commit's SHA. */
    String commit(String message, Instant when) {
        git(when, "add", "-A");
        git(when, "commit", "-q", "--allow-empty", "-m", message);
        return git(when, "rev-parse", "HEAD").strip();
    }

    /** Runs {@code git args…} dated {@code when} and returns its output. */
    String git(Instant when, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_AUTHOR_NAME", "Dev");
        env.put("GIT_AUTHOR_EMAIL", "dev@example.com");
        env.put("GIT_COMMITTER_NAME", "Dev");
        env.put("GIT_COMMITTER_EMAIL", "dev@example.com");
        String date = "@" + when.getEpochSecond() + " +0000";
        env.put("GIT_AUTHOR_DATE", date);
        env.put("GIT_COMMITTER_DATE", date);
        try {
            Files.createDirectories(dir);
            Process p = pb.start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            byte[] out = drain(p.getInputStream());
            int exit = p.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + exit + "): "
                        + new String(err.join(), StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
