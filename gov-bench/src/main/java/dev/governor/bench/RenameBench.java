package dev.governor.bench;

import dev.governor.adapters.git.GitHistory;
import dev.governor.api.Policy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rename detection on a large move: a repository of two commits, the second moving every file from
 * {@code lib/modules/} to {@code lib/mods/} and editing a share of them on the way, as Renovate's
 * {@code refactor: lib/modules} did with 3,024 files. Every module has the same five common basenames
 * ({@code index.ts}, {@code readme.md} …) and five of its own, so the move exercises all three of git's
 * steps: exact renames, unique basenames, and the full comparison of the edited files that share a name.
 *
 * <p>The git adapter reads the history without its fact cache (the diff is what is measured) against C
 * git's {@code git log --first-parent --name-status -M main}, run as a subprocess with its output drained,
 * once with git's default rename limit and once unlimited ({@code -c diff.renameLimit=0}); on this move
 * both find every rename, and our file lists equal theirs (the adapter's tests check that).
 *
 * <p>The repository is {@code -Dgov.bench.moveRepo=DIR}, or one generated in a temporary directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RenameBench {

    /** The number of files moved. */
    @Param({"5000"})
    public int files;

    /** The share of moved files edited by the move, in percent. */
    @Param({"30"})
    public int editedPercent;

    private Path repo;
    private Path generated;

    @Setup(Level.Trial)
    public void repository() throws IOException, InterruptedException {
        String given = System.getProperty("gov.bench.moveRepo");
        if (given != null) {
            repo = Path.of(given);
            return;
        }
        generated = Files.createTempDirectory("gov-bench-move-");
        repo = generated.resolve("repo");
        write(repo, files, editedPercent, 42);
    }

    @TearDown(Level.Trial)
    public void removeGenerated() throws IOException {
        if (generated != null) {
            try (Stream<Path> paths = Files.walk(generated)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Benchmark
    public int adapter() {
        try (GitHistory git = GitHistory.open(repo, false)) {
            return git.read(null, null, Policy.defaults()).changes().get(1).files().size();
        }
    }

    @Benchmark
    public long cGitLog() throws IOException, InterruptedException {
        return gitLog("git", "log", "--first-parent", "--name-status", "-M", "main");
    }

    @Benchmark
    public long cGitLogUnlimited() throws IOException, InterruptedException {
        return gitLog("git", "-c", "diff.renameLimit=0", "log", "--first-parent", "--name-status", "-M", "main");
    }

    private long gitLog(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(repo.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream out = p.getInputStream()) {
            for (int n = out.read(buffer); n >= 0; n = out.read(buffer)) {
                bytes += n;
            }
        }
        if (p.waitFor() != 0) {
            throw new UncheckedIOException(new IOException("git log failed in " + repo + " (exit " + p.exitValue() + ")"));
        }
        return bytes;
    }

    /** {@code DIR [FILES [EDITED_PERCENT [SEED]]]}: writes the move repository into the new directory DIR. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1 || args.length > 4) {
            System.err.println("usage: RenameBench DIR [FILES [EDITED_PERCENT [SEED]]]  (DIR must not exist yet)");
            System.exit(2);
        }
        write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 5000,
                args.length > 2 ? Integer.parseInt(args[2]) : 30, args.length > 3 ? Long.parseLong(args[3]) : 42);
    }

    private static final String[] COMMON = {"index.ts", "readme.md", "schema.ts", "types.ts", "util.ts"};

    /**
     * Creates {@code dir} (which must not exist) with two commits on {@code main}: {@code files} files in
     * modules of ten, then all of them moved, {@code editedPercent} of them edited, through one
     * {@code git fast-import} stream.
     */
    public static void write(Path dir, int files, int editedPercent, long seed) throws IOException, InterruptedException {
        if (Files.exists(dir)) {
            throw new IOException(dir + " already exists: give a new directory, the generator never overwrites");
        }
        Files.createDirectories(dir);
        git(dir, "init", "-q", "-b", "main");
        Process importer = new ProcessBuilder("git", "fast-import", "--quiet", "--done", "--date-format=raw")
                .directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Random random = new Random(seed);
        String[] paths = new String[files];
        String[] contents = new String[files];
        for (int i = 0; i < files; i++) {
            int module = i / 10;
            String name = i % 10 < COMMON.length ? COMMON[i % 10] : "part" + module + "_" + (i % 10) + ".ts";
            paths[i] = "group" + module % 20 + "/m" + module + "/" + name;
            StringBuilder text = new StringBuilder();
            for (int line = 0, n = 10 + random.nextInt(50); line < n; line++) {
                text.append("export const v").append(i).append('_').append(line).append(" = \"")
                        .append(Long.toHexString(random.nextLong())).append("\";\n");
            }
            contents[i] = text.toString();
        }
        try (OutputStream out = new BufferedOutputStream(importer.getOutputStream(), 1 << 16)) {
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < files; i++) {
                first.append("M 100644 inline lib/modules/").append(paths[i]).append('\n').append(data(contents[i]));
            }
            commit(out, "init", 1_700_000_000L, first);
            StringBuilder move = new StringBuilder("D lib/modules\n");
            for (int i = 0; i < files; i++) {
                String content = contents[i];
                if (random.nextInt(100) < editedPercent) {
                    int middle = content.indexOf('\n', content.length() / 2) + 1;
                    content = content.substring(0, middle) + "// edited by the move\n" + content.substring(middle);
                }
                move.append("M 100644 inline lib/mods/").append(paths[i]).append('\n').append(data(content));
            }
            commit(out, "refactor: lib/modules", 1_700_000_060L, move);
            out.write("done\n".getBytes(StandardCharsets.UTF_8));
        }
        if (importer.waitFor() != 0) {
            throw new IOException("git fast-import failed in " + dir + " (exit " + importer.exitValue() + ")");
        }
        git(dir, "reset", "-q", "--hard", "main");
    }

    /** One commit on main; a second one follows the first, as fast-import chains commits to one branch. */
    private static void commit(OutputStream out, String message, long at, StringBuilder commands) throws IOException {
        StringBuilder c = new StringBuilder("commit refs/heads/main\n");
        c.append("author Dev <dev@example.com> ").append(at).append(" +0000\n");
        c.append("committer Dev <dev@example.com> ").append(at).append(" +0000\n");
        c.append(data(message));
        c.append(commands).append('\n');
        out.write(c.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String data(String s) {
        return "data " + s.getBytes(StandardCharsets.UTF_8).length + "\n" + s + "\n";
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
}
