package dev.governor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.adapters.git.GitHistory;
import dev.governor.api.Change;
import dev.governor.api.FileChange;
import dev.governor.api.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history benchmark compares the git adapter with {@code git log --first-parent --name-status -M}:
 * that is only fair if both read the same files. On a generated repository (the benchmark's generator,
 * its renames and merge commits included) every commit's file list must equal git's, unlimited.
 */
class GeneratedHistoryMatchesGitLogTest {

    @TempDir
    Path dir;

    @Test
    void the_adapter_reads_the_files_git_log_reads_on_a_generated_history() throws Exception {
        Path repo = dir.resolve("repo");
        GitRepoGenerator.write(repo, 2_000, 42, Instant.parse("2026-11-30T00:00:00Z"));

        Map<String, List<FileChange>> ours = new LinkedHashMap<>();
        try (GitHistory git = GitHistory.open(repo, false)) {
            List<Change> changes = git.read(null, null, Policy.defaults()).changes();
            for (int i = changes.size() - 1; i >= 0; i--) {
                ours.put(changes.get(i).sha(), changes.get(i).files());
            }
        }

        Map<String, List<FileChange>> theirs = gitLog(repo);
        assertThat(ours).hasSize(2_000).isEqualTo(theirs);
        assertThat(theirs.values().stream().flatMap(List::stream).filter(f -> f.kind() == FileChange.Kind.RENAMED))
                .isNotEmpty();
    }

    private static Map<String, List<FileChange>> gitLog(Path repo) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "-c", "diff.renameLimit=0", "-c", "core.quotePath=false", "log",
                "--first-parent", "--name-status", "-M", "--format=%x01%H", "main")
                .directory(repo.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor()).as("git log's exit code").isZero();
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
                    case 'R' -> FileChange.renamed(f[1], f[2]);
                    default -> FileChange.modified(f[1]);
                });
            }
        }
        return files;
    }
}
