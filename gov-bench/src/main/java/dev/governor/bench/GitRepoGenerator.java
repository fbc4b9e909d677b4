package dev.governor.bench;

import dev.governor.api.Change;
import dev.governor.api.FileChange;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Writes a real git repository of a generated history ({@link HistoryGenerator}) by streaming a
 * {@code git fast-import} script: 50k commits take seconds, where {@code git commit} in a loop takes
 * an hour.
 *
 * <p>Each change is one commit on {@code main}'s first-parent history: a Conventional Commits subject,
 * {@code Change-Type:} and {@code Risk:} trailers (when the change has them), files added on first
 * touch and modified after, renames (with a small edit, so that rename detection has work to do). One
 * change in ten is a pull request merged with a merge commit (trailers on the merged side's commit);
 * about half of the others are squash-merged {@code (#N)} subjects, the rest plain commits known by
 * SHA. Merge times are the history's, compressed so that the whole history falls within the 80 days
 * before {@code end}: {@code gov check}'s default window (90 days) then sees all of it.
 *
 * <pre>{@code
 * java -cp gov-bench/target/benchmarks.jar dev.governor.bench.GitRepoGenerator DIR 50000
 * }</pre>
 */
public final class GitRepoGenerator {

    private static final Duration SPAN = Duration.ofDays(80);
    private static final String[] AUTHORS = {"Ada Lovelace <ada@example.com>", "Grace Hopper <grace@example.com>",
        "Alan Turing <alan@example.com>", "Edsger Dijkstra <edsger@example.com>", "Barbara Liskov <barbara@example.com>"};

    private GitRepoGenerator() {
    }

    /** {@code DIR N [SEED [END_EPOCH_SECONDS]]}: writes an N-commit repository into the new directory DIR. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: GitRepoGenerator DIR COMMITS [SEED [END_EPOCH_SECONDS]]"
                    + "  (DIR must not exist yet; END defaults to now)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int commits = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Instant end = args.length > 3 ? Instant.ofEpochSecond(Long.parseLong(args[3]))
                : Instant.now().truncatedTo(ChronoUnit.MINUTES);
        long started = System.nanoTime();
        write(dir, commits, seed, end);
        System.err.printf("wrote %d commits to %s in %d ms%n", commits, dir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Creates {@code dir} (which must not exist) as a git repository with {@code commits} changes on
     * {@code main}, the last merged at {@code end}, and checks {@code main} out.
     */
    public static void write(Path dir, int commits, long seed, Instant end) throws IOException, InterruptedException {
        if (Files.exists(dir)) {
            throw new IOException(dir + " already exists: give a new directory, the generator never overwrites");
        }
        List<Change> history = HistoryGenerator.history(seed, commits);
        Files.createDirectories(dir);
        git(dir, "init", "-q", "-b", "main");
        Process importer = new ProcessBuilder("git", "fast-import", "--quiet", "--done", "--date-format=raw")
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream out = new BufferedOutputStream(importer.getOutputStream(), 1 << 16)) {
            new Script(out, history, end).write();
        }
        if (importer.waitFor() != 0) {
            throw new IOException("git fast-import failed in " + dir + " (exit " + importer.exitValue() + ")");
        }
        git(dir, "reset", "-q", "--hard", "main");
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed in " + dir + " (exit " + p.exitValue() + ")");
        }
    }

    /** The fast-import stream of one history. */
    private static final class Script {
        private OutputStream out;
        private final List<Change> history;
        private final long endSecond;
        private final long lastSecond;
        private final double scale;
        private final Set<String> existing = new HashSet<>();
        private int mark;

        Script(OutputStream out, List<Change> history, Instant end) {
            this.out = out;
            this.history = history;
            this.endSecond = end.getEpochSecond();
            long first = history.isEmpty() ? 0 : history.get(0).mergedAt().getEpochSecond();
            this.lastSecond = history.isEmpty() ? 0 : history.get(history.size() - 1).mergedAt().getEpochSecond();
            long span = Math.max(1, lastSecond - first);
            this.scale = Math.min(1.0, (double) SPAN.getSeconds() / span);
        }

        void write() throws IOException {
            int previous = 0;
            for (int i = 0; i < history.size(); i++) {
                Change c = history.get(i);
                int n = i + 1;
                long at = endSecond - (long) ((lastSecond - c.mergedAt().getEpochSecond()) * scale);
                String author = AUTHORS[n % AUTHORS.length];
                String subject = subject(c, n);
                String trailers = trailers(c);
                byte[] files = fileCommands(c, n);
                if (n % 10 == 0 && previous != 0) {
                    // a pull request merged with a merge commit: the work (and its trailers) on the side;
                    // the merge commit's tree is main's plus the same edits, so its diff to main is the PR's
                    int side = commit("refs/heads/topic", author, at - 60, message(subject, trailers), previous, 0, files);
                    previous = commit("refs/heads/main", author, at,
                            "Merge pull request #" + n + " from dev/topic-" + n + "\n\n" + subject + "\n", previous, side, files);
                } else {
                    String title = n % 2 == 0 ? subject + " (#" + n + ")" : subject;
                    previous = commit("refs/heads/main", author, at, message(title, trailers), previous, 0, files);
                }
            }
            line("done");
        }

        private static String message(String subject, String trailers) {
            return trailers.isEmpty() ? subject + "\n" : subject + "\n\n" + trailers;
        }

        private int commit(String ref, String author, long at, String message, int from, int merge, byte[] files)
                throws IOException {
            int id = ++mark;
            line("commit " + ref);
            line("mark :" + id);
            line("author " + author + " " + at + " +0000");
            line("committer " + author + " " + at + " +0000");
            data(message.getBytes(StandardCharsets.UTF_8));
            if (from != 0) {
                line("from :" + from);
            }
            if (merge != 0) {
                line("merge :" + merge);
            }
            out.write(files);
            return id;
        }

        /** The file commands of one change: added on first touch, renamed (and edited), modified. */
        private byte[] fileCommands(Change c, int n) throws IOException {
            ByteArrayOutputStream commands = new ByteArrayOutputStream(1024);
            OutputStream main = out;
            out = commands;
            try {
                for (FileChange f : c.files()) {
                    if (f.kind() == FileChange.Kind.RENAMED && existing.remove(f.oldPath())) {
                        line("R " + f.oldPath() + " " + f.newPath());
                    }
                    String path = f.path();
                    line("M 100644 inline " + path);
                    data(content(path, n));
                    existing.add(path);
                }
            } finally {
                out = main;
            }
            return commands.toByteArray();
        }

        /** A file of twenty lines named after its original file, and a line that changes every revision. */
        private static byte[] content(String path, int revision) {
            String base = path.replaceAll("R[0-9]+\\.java$", ".java");
            StringBuilder text = new StringBuilder(800);
            text.append("// ").append(base).append('\n');
            for (int i = 0; i < 20; i++) {
                text.append("    int field").append(i).append(" = ").append(base.length() * 31 + i).append(";\n");
            }
            text.append("// revision ").append(revision).append('\n');
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static String subject(Change c, int n) {
            String file = c.files().get(0).path();
            String name = file.substring(file.lastIndexOf('/') + 1, file.length() - ".java".length());
            String module = file.split("/")[1];
            String type = c.declaredType();
            if (type == null) {
                return n % 2 == 0 ? "update " + name : "chore(" + module + "): tidy " + name;
            }
            return switch (type) {
                case "tactical-fix", "hotfix" -> "fix(" + module + "): handle null in " + name;
                case "strategic-fix" -> "refactor(" + module + "): redesign " + name;
                case "feature" -> "feat(" + module + "): add option to " + name;
                case "tech-debt" -> "refactor(" + module + "): simplify " + name;
                default -> "chore(" + module + "): audit " + name;
            };
        }

        private static String trailers(Change c) {
            StringBuilder t = new StringBuilder();
            if (c.declaredType() != null) {
                t.append("Change-Type: ").append(c.declaredType()).append('\n');
            }
            if (c.risk() != null) {
                t.append("Risk: ").append(c.risk()).append('\n');
            }
            return t.length() == 0 ? "" : t.toString();
        }

        private void data(byte[] bytes) throws IOException {
            line("data " + bytes.length);
            out.write(bytes);
            out.write('\n');
        }

        private void line(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }
}
