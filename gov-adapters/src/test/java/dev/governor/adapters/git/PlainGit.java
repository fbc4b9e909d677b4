package dev.governor.adapters.git;

import dev.governor.api.FileChange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A repository built with the git command line, as users build theirs: isolated from the machine's git
 * configuration, with fixed identities and dates so that SHAs are reproducible. Also reads back what C git
 * itself says a history's files are, the reference our reader must equal.
 */
final class PlainGit {

    static final long T0 = TestRepo.T0.getEpochSecond();

    final Path dir;

    private PlainGit(Path dir) {
        this.dir = dir;
    }

    /** A new repository on branch {@code main} in {@code dir}. */
    static PlainGit init(Path dir) {
        PlainGit git = new PlainGit(dir);
        git.run("init", "-q", "-b", "main");
        return git;
    }

    /** An existing repository (a clone). */
    static PlainGit at(Path dir) {
        return new PlainGit(dir);
    }

    /** Runs {@code git args…} in the repository (commits dated {@code T0}) and returns its output. */
    String run(String... args) {
        return run(0, args);
    }

    /** Runs {@code git args…} with author and committer dates at {@code T0 + minutes}. */
    String run(int minutes, String... args) {
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
        env.put("GIT_COMMITTER_NAME", "Committer");
        env.put("GIT_COMMITTER_EMAIL", "committer@example.com");
        String date = "@" + (T0 + minutes * 60L) + " +0000";
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

    /** Writes a file of the working tree. */
    PlainGit write(String path, String content) {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    PlainGit write(String path, byte[] content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a file of the working tree. */
    PlainGit delete(String path) {
        try {
            Files.delete(dir.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits everything in the working tree at {@code T0 + minutes}; returns the commit's SHA. */
    String commit(String message, int minutes) {
        run("add", "-A");
        run(minutes, "commit", "-q", "--allow-empty", "-m", message);
        return head();
    }

    String head() {
        return run("rev-parse", "HEAD").strip();
    }

    /**
     * What {@code git log --first-parent --name-status -M} says each commit's files are, by SHA, with no
     * limit on rename detection ({@code diff.renameLimit=0} is unlimited since git 2.33); a type change
     * ({@code T}) is a modification to us.
     */
    Map<String, List<FileChange>> log(String revision) {
        String out = run("-c", "diff.renameLimit=0", "-c", "core.quotePath=false", "log", "--first-parent",
                "--name-status", "-M", "--format=%x01%H", revision);
        Map<String, List<FileChange>> files = new LinkedHashMap<>();
        List<FileChange> current = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("\u0001")) {
                current = new ArrayList<>();
                files.put(line.substring(1), current);
            } else if (!line.isEmpty()) {
                String[] f = line.split("\t");
                current.add(switch (f[0].charAt(0)) {
                    case 'A' -> FileChange.added(f[1]);
                    case 'D' -> FileChange.deleted(f[1]);
                    case 'M', 'T' -> FileChange.modified(f[1]);
                    case 'R' -> FileChange.renamed(f[1], f[2]);
                    default -> throw new IllegalStateException("unexpected git log line: " + line);
                });
            }
        }
        return files;
    }
}
