package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.FileChange;
import dev.governor.api.Policy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renames are detected as {@code git log -M} detects them, with no limit on the number of files: each
 * repository here is built with the git command line and our file lists must equal git's own
 * ({@code git -c diff.renameLimit=0 log --first-parent --name-status -M}).
 */
class RenameDetectionTest {

    @TempDir
    Path dir;

    private Map<String, List<FileChange>> ours() {
        try (GitHistory history = GitHistory.open(dir, false)) {
            Map<String, List<FileChange>> files = new LinkedHashMap<>();
            List<Change> changes = history.read(null, null, Policy.defaults()).changes();
            for (int i = changes.size() - 1; i >= 0; i--) {
                files.put(changes.get(i).sha(), changes.get(i).files());
            }
            return files;
        }
    }

    private static String module(int i, int lines) {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < lines; line++) {
            text.append("export const value").append(line).append(" = ").append(i * 1000 + line).append(";\n");
        }
        return text.toString();
    }

    @Test
    void a_move_of_more_files_than_jgits_rename_limit_keeps_each_files_history() {
        // issue 6, item 3: every file edited by the move, so none is an exact rename; 450 x 450 candidates
        // are beyond JGit's limit of 400, which turned each file into a delete and an add
        PlainGit git = PlainGit.init(dir);
        for (int i = 0; i < 450; i++) {
            git.write("lib/modules/m" + i + "/mod" + i + ".ts", module(i, 12));
        }
        git.commit("init", 0);
        for (int i = 0; i < 450; i++) {
            git.delete("lib/modules/m" + i + "/mod" + i + ".ts");
            git.write("lib/mods/m" + i + "/mod" + i + ".ts", module(i, 12) + "// moved\n");
        }
        String move = git.commit("refactor: lib/modules", 1);

        List<FileChange> files = ours().get(move);
        assertThat(files).hasSize(450).allMatch(f -> f.kind() == FileChange.Kind.RENAMED);
        assertThat(files).isEqualTo(git.log("HEAD").get(move));
    }

    @Test
    void files_sharing_a_basename_are_paired_by_similarity_as_git_pairs_them() {
        // every module has an index.ts: no basename is unique, so only the full comparison can pair them
        PlainGit git = PlainGit.init(dir);
        for (int i = 0; i < 60; i++) {
            git.write("lib/modules/m" + i + "/index.ts", module(i, 4 + i % 9));
        }
        git.commit("init", 0);
        for (int i = 0; i < 60; i++) {
            git.delete("lib/modules/m" + i + "/index.ts");
            git.write("lib/mods/m" + (59 - i) + "/index.ts", module(i, 4 + i % 9) + (i % 3 == 0 ? "// moved\n" : ""));
        }
        String move = git.commit("refactor: rename the modules", 1);

        assertThat(ours().get(move)).hasSize(60).isEqualTo(git.log("HEAD").get(move));
        assertThat(ours().get(move)).contains(FileChange.renamed("lib/modules/m3/index.ts", "lib/mods/m56/index.ts"));
    }

    @Test
    void a_last_line_without_newline_does_not_count_toward_similarity() {
        // git hashes lines and 64-byte chunks, and drops an unterminated last chunk; JGit counts it
        PlainGit git = PlainGit.init(dir);
        git.write("src.txt", "a\n" + "T".repeat(63));
        git.commit("init", 0);
        git.delete("src.txt").write("dst.txt", "b\n" + "T".repeat(63));
        String change = git.commit("replace", 1);

        assertThat(ours().get(change)).containsExactly(FileChange.added("dst.txt"), FileChange.deleted("src.txt"))
                .isEqualTo(git.log("HEAD").get(change));
    }

    @Test
    void a_rename_just_above_half_similar_is_found_and_just_below_is_not() {
        PlainGit git = PlainGit.init(dir);
        String shared = "line one of ten\n".repeat(10);   // 160 bytes kept
        git.write("a/above.txt", shared + "x".repeat(40) + "\n");
        git.write("a/below.txt", shared + "y".repeat(40) + "\n");
        git.commit("init", 0);
        // 160 of 320 bytes is exactly 50%: a rename; 160 of 322 is not
        git.delete("a/above.txt").write("b/above2.txt", shared + "z".repeat(159) + "\n");
        git.delete("a/below.txt").write("b/below2.txt", shared + "w".repeat(161) + "\n");
        String change = git.commit("rework", 1);

        assertThat(ours().get(change)).containsExactly(FileChange.deleted("a/below.txt"),
                FileChange.renamed("a/above.txt", "b/above2.txt"), FileChange.added("b/below2.txt"))
                .isEqualTo(git.log("HEAD").get(change));
    }

    @Test
    void crlf_counts_as_lf_in_text_but_not_in_binary_content() {
        PlainGit git = PlainGit.init(dir);
        String lf = "alpha\nbeta\ngamma\ndelta\n";
        git.write("text.txt", lf);
        git.write("data.bin", ("\0" + lf).getBytes(StandardCharsets.UTF_8));
        git.commit("init", 0);
        git.delete("text.txt").write("moved/text.md", lf.replace("\n", "\r\n"));
        String text = git.commit("text to crlf", 1);
        git.delete("data.bin").write("moved/data.raw", ("\0" + lf.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        String binary = git.commit("binary to crlf", 2);

        Map<String, List<FileChange>> ours = ours();
        Map<String, List<FileChange>> git1 = git.log("HEAD");
        assertThat(ours.get(text)).containsExactly(FileChange.renamed("text.txt", "moved/text.md")).isEqualTo(git1.get(text));
        assertThat(ours.get(binary)).containsExactly(FileChange.deleted("data.bin"), FileChange.added("moved/data.raw"))
                .isEqualTo(git1.get(binary));
    }

    @Test
    void an_exact_copy_prefers_the_source_with_the_same_basename() {
        PlainGit git = PlainGit.init(dir);
        git.write("a/one.txt", "same\n").write("b/two.txt", "same\n");
        git.commit("init", 0);
        git.delete("a/one.txt").delete("b/two.txt").write("c/two.txt", "same\n").write("c/one.txt", "same\n");
        String change = git.commit("swap", 1);

        assertThat(ours().get(change)).containsExactly(FileChange.renamed("a/one.txt", "c/one.txt"),
                FileChange.renamed("b/two.txt", "c/two.txt")).isEqualTo(git.log("HEAD").get(change));
    }

    @Test
    void a_file_becoming_a_symlink_is_a_modification_not_a_rename_source() throws IOException {
        PlainGit git = PlainGit.init(dir);
        git.write("conf.yml", "a: 1\nb: 2\nc: 3\n");
        git.commit("init", 0);
        Files.delete(dir.resolve("conf.yml"));
        Files.createSymbolicLink(dir.resolve("conf.yml"), Path.of("elsewhere.yml"));
        git.write("copy.yml", "a: 1\nb: 2\nc: 3\n");
        String change = git.commit("link", 1);

        assertThat(ours().get(change)).containsExactly(FileChange.modified("conf.yml"), FileChange.added("copy.yml"))
                .isEqualTo(git.log("HEAD").get(change));
    }

    @Tag("slow")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void random_histories_have_the_files_git_log_gives(long seed) {
        PlainGit git = PlainGit.init(dir);
        new RandomHistory(dir, new Random(seed)).write(git, 30);

        Map<String, List<FileChange>> expected = git.log("HEAD");
        assertThat(ours()).isEqualTo(expected);
        assertThat(expected.values().stream().flatMap(List::stream).filter(f -> f.kind() == FileChange.Kind.RENAMED))
                .as("renames the history exercised").hasSizeGreaterThan(20);
    }

    /** Random edits, moves (of files and directories), copies, symlinks, mode changes and odd contents. */
    private record RandomHistory(Path dir, Random random) {
        private static final String[] NAMES = {"index.ts", "readme.md", "a.c", "Makefile", "x.txt", "long.txt"};
        private static final String[] DIRS = {"src", "lib", "src/sub", "lib/deep/er", "doc"};

        void write(PlainGit git, int commits) {
            for (int c = 0; c < commits; c++) {
                int ops = 1 + random.nextInt(20);
                for (int o = 0; o < ops; o++) {
                    try {
                        step();
                    } catch (IOException e) {
                        // a clash (a directory where a file should go): skip the step, as a user would
                    }
                }
                git.commit("c" + c, c);
            }
        }

        private void step() throws IOException {
            List<Path> files = files();
            double op = random.nextDouble();
            if (op < 0.3 || files.isEmpty()) {
                put(newPath(), content());
                return;
            }
            Path p = files.get(random.nextInt(files.size()));
            boolean link = Files.isSymbolicLink(p);
            if (op < 0.4) {
                Files.delete(p);
            } else if (op < 0.55 && !link) {
                put(p, edit(Files.readAllBytes(p)));
            } else if (op < 0.8 && !link) {
                Path q = newPath();
                if (!Files.exists(q)) {
                    Files.createDirectories(q.getParent());
                    Files.move(p, q);
                    if (random.nextBoolean()) {
                        put(q, edit(Files.readAllBytes(q)));
                    }
                }
            } else if (op < 0.85 && !link) {
                Path q = newPath();
                if (!Files.exists(q)) {
                    put(q, Files.readAllBytes(p));
                }
            } else if (op < 0.88 && !link) {
                Files.delete(p);
                Files.createSymbolicLink(p, Path.of("target" + random.nextInt(3)));
            } else if (op < 0.92 && !link) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(random.nextBoolean() ? "rwxr-xr-x" : "rw-r--r--"));
            } else {
                Path from = dir.resolve(DIRS[random.nextInt(DIRS.length)]);
                Path to = dir.resolve("moved" + random.nextInt(3));
                if (Files.isDirectory(from) && !Files.exists(to)) {
                    Files.move(from, to);
                }
            }
        }

        private List<Path> files() throws IOException {
            try (Stream<Path> walk = Files.walk(dir)) {
                return walk.filter(p -> !dir.relativize(p).startsWith(".git"))
                        .filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p))
                        .sorted(Comparator.naturalOrder()).toList();
            }
        }

        private Path newPath() {
            String name = random.nextInt(3) == 0 ? "f" + random.nextInt(40) + ".txt" : NAMES[random.nextInt(NAMES.length)];
            return dir.resolve(DIRS[random.nextInt(DIRS.length)]).resolve(name);
        }

        private void put(Path p, byte[] content) throws IOException {
            Files.createDirectories(p.getParent());
            if (Files.isSymbolicLink(p)) {
                Files.delete(p);
            }
            Files.write(p, content);
        }

        private byte[] content() {
            double k = random.nextDouble();
            if (k < 0.05) {
                return new byte[0];
            }
            if (k < 0.12) {
                byte[] bytes = new byte[1 + random.nextInt(300)];
                random.nextBytes(bytes);
                return bytes;
            }
            List<String> lines = new ArrayList<>();
            int[] lengths = {5, 20, 63, 64, 65, 100, 200};
            for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
                StringBuilder line = new StringBuilder();
                for (int j = 0, len = random.nextInt(lengths[random.nextInt(lengths.length)] + 1); j < len; j++) {
                    line.append("abcdefgh \t;{}".charAt(random.nextInt(13)));
                }
                lines.add(line.toString());
            }
            String text = String.join("\n", lines) + (random.nextDouble() < 0.6 ? "\n" : "");
            if (random.nextDouble() < 0.15) {
                text = text.replace("\n", "\r\n");
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private byte[] edit(byte[] old) {
            if (old.length == 0 || random.nextDouble() < 0.3) {
                return content();
            }
            List<String> lines = new ArrayList<>(List.of(new String(old, StandardCharsets.ISO_8859_1).split("\n", -1)));
            for (int e = 0, n = 1 + random.nextInt(4); e < n; e++) {
                int i = random.nextInt(lines.size());
                double op = random.nextDouble();
                if (op < 0.4) {
                    lines.set(i, "z".repeat(random.nextInt(70)));
                } else if (op < 0.7) {
                    lines.add(i, "inserted line");
                } else if (lines.size() > 1) {
                    lines.remove(i);
                }
            }
            return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
