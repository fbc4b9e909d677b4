package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What replays of real histories found (issue 6), each on a repository made with the plain git command
 * line: rebase-merged commits sharing one second across a rename, a locked file deleted and added back, a
 * lock older than the 90 days a check reports, lockfiles, a shallow clone, and the text output's order.
 */
class RealHistoriesTest {
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path dir;

    private Path repo() {
        return dir.resolve("repo");
    }

    private String git(Instant at, String... args) throws IOException, InterruptedException {
        return git(repo(), at, args);
    }

    private String git(Path cwd, Instant at, String... args) throws IOException, InterruptedException {
        Files.createDirectories(cwd);
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Ada", "-c", "user.email=ada@example.com",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GIT_AUTHOR_DATE", at.toString());
        env.put("GIT_COMMITTER_DATE", at.toString());
        env.put("HOME", dir.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }

    private void commit(Instant at, String path, String content, String message) throws Exception {
        Path file = repo().resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        git(at, "add", "-A");
        git(at, "commit", "-q", "-m", message);
    }

    private void init() throws Exception {
        git(T0, "init", "-q", "-b", "main");
    }

    private static String fix(String subject) {
        return subject + "\n\nChange-Type: tactical-fix\nRisk: low";
    }

    /** gov on the repository with the Intent layer alone in force: these histories are about Intent. */
    private Gov.Result gov(String now, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--repo", repo().toString()));
        if (args[0].equals("check")) {
            all.addAll(List.of("--policy", intentOnly().toString()));
        }
        return Gov.plain().with(CliEnvironment.GOV_NOW, now).run(all.toArray(String[]::new));
    }

    private Path intentOnly() {
        Path policy = dir.resolve("intent-only.yml");
        try {
            Files.writeString(policy, "layers: [intent]\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return policy;
    }

    @Test
    void commits_sharing_one_second_follow_a_rename_in_branch_order() throws Exception {
        init();
        commit(T0, "src/a.js", "1\n2\n3\n4\n5\n", "feat: add a (#1)\n\nRisk: low");
        // a rebase-and-merge: three fixes and a rename land on main in one committer second, and git's own
        // time order cannot tell them apart; the rename comes after the first fix in the branch
        Instant tie = T0.plus(Duration.ofDays(1));
        commit(tie, "src/a.js", "1\n2\n3\n4\n5\nfix1\n", fix("fix: one (#2)"));
        Files.createDirectories(repo().resolve("lib"));
        git(tie, "mv", "src/a.js", "lib/a.js");
        git(tie, "commit", "-q", "-m", "refactor: move a (#3)\n\nRisk: low");
        commit(tie, "lib/a.js", "1\n2\n3\n4\n5\nfix1\nfix2\n", fix("fix: two (#4)"));
        commit(tie, "lib/a.js", "1\n2\n3\n4\n5\nfix1\nfix2\nfix3\n", fix("fix: three (#5)"));

        Gov.Result r = gov("2026-11-05T00:00:00Z", "check");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("BLOCKING  intent.tactical-hotspot  lib/a.js\n");
        assertThat(r.out()).contains("evidence: change #2 2026-11-03T09:00:00Z\n              change #4");
    }

    @Test
    void a_locked_file_deleted_and_added_back_stays_locked() throws Exception {
        init();
        commit(T0, "src/index.js", "v0\n", "feat: index (#1)\n\nRisk: low");
        for (int i = 2; i <= 4; i++) {
            commit(T0.plus(Duration.ofHours(i)), "src/index.js", "v" + i + "\n", fix("fix: index " + i + " (#" + i + ")"));
        }
        git(T0.plus(Duration.ofHours(5)), "rm", "-q", "src/index.js");
        git(T0.plus(Duration.ofHours(5)), "commit", "-q", "-m", "chore: drop index (#5)\n\nRisk: low");
        commit(T0.plus(Duration.ofHours(6)), "src/index.js", "back\n", "feat: index again (#6)\n\nRisk: low");
        commit(T0.plus(Duration.ofHours(7)), "src/index.js", "back fixed\n", fix("fix: index again (#7)"));

        Gov.Result r = gov("2026-11-05T00:00:00Z", "check", "--change", "#7");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("BLOCKING  intent.strategic-fix-required  src/index.js\n    #7 is a tactical fix to"
                + " src/index.js, locked since 2026-11-02 by a hotspot (#2, #3, #4)");
    }

    @Test
    void a_lock_set_long_before_the_reported_90_days_is_still_enforced() throws Exception {
        init();
        commit(T0, "pay/Ledger.java", "v0\n", "feat: ledger (#1)\n\nRisk: low");
        for (int i = 2; i <= 4; i++) {
            commit(T0.plus(Duration.ofHours(i)), "pay/Ledger.java", "v" + i + "\n", fix("fix: ledger " + i + " (#" + i + ")"));
        }
        // a year later, one more tactical fix
        commit(T0.plus(Duration.ofDays(365)), "pay/Ledger.java", "late\n", fix("fix: late (#9)"));

        Gov.Result check = gov("2027-11-03T00:00:00Z", "check");
        assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
        assertThat(check.out()).startsWith("BLOCKING  intent.strategic-fix-required  pay/Ledger.java\n");
        assertThat(check.out()).doesNotContain("BLOCKING  intent.tactical-hotspot"); // a year old: not reported, still in force

        Gov.Result hotspots = gov("2027-11-03T00:00:00Z", "hotspots");
        assertThat(hotspots.out()).startsWith("LOCKED  1  pay/Ledger.java  locked 2026-11-02T13:00:00Z by #2, #3, #4\n");
        assertThat(gov("2027-11-03T00:00:00Z", "hotspots", "--since", "2026-01-01").out())
                .startsWith("LOCKED  4  pay/Ledger.java");
    }

    @Test
    void lockfiles_never_count_towards_a_hotspot() throws Exception {
        init();
        commit(T0, "pnpm-lock.yaml", "v0\n", "chore: lock (#1)\n\nRisk: low");
        for (int i = 2; i <= 5; i++) {
            commit(T0.plus(Duration.ofHours(i)), "pnpm-lock.yaml", "v" + i + "\n", fix("fix(deps): bump " + i + " (#" + i + ")"));
        }

        Gov.Result r = gov("2026-11-05T00:00:00Z", "check");

        assertThat(r.out()).doesNotContain("intent.tactical-hotspot").doesNotContain("strategic-fix-required");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void a_shallow_clone_touches_nothing_at_its_boundary_and_says_so() throws Exception {
        init();
        for (int i = 1; i <= 4; i++) {
            commit(T0.plus(Duration.ofHours(i)), "f" + i + ".txt", "v\n", "feat: file " + i + " (#" + i + ")\n\nRisk: low");
        }
        Path clone = dir.resolve("clone");
        git(dir, T0, "clone", "-q", "--depth", "2", "file://" + repo(), clone.toString());

        Gov.Result text = Gov.plain().with(CliEnvironment.GOV_NOW, "2026-11-05T00:00:00Z")
                .run("check", "--repo", clone.toString(), "--policy", intentOnly().toString());
        Gov.Result json = Gov.plain().with(CliEnvironment.GOV_NOW, "2026-11-05T00:00:00Z")
                .run("check", "--repo", clone.toString(), "--format", "json", "--policy", intentOnly().toString());

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains(TextReport.SHALLOW + "\n").endsWith(" · 2 changes\n");
        assertThat(json.out()).contains("\"shallow\" : true");
        Gov.Result hotspots = Gov.plain().with(CliEnvironment.GOV_NOW, "2026-11-05T00:00:00Z")
                .run("hotspots", "--repo", clone.toString());
        assertThat(hotspots.out()).isEqualTo("0 files locked or with tactical fixes within 7d · 0 locked\n");
    }

    @Test
    void text_lists_blocking_findings_before_thousands_of_warnings() throws Exception {
        init();
        commit(T0, "a.txt", "v0\n", "add a (#1)"); // no type, no risk: warnings
        for (int i = 2; i <= 4; i++) {
            commit(T0.plus(Duration.ofHours(i)), "a.txt", "v" + i + "\n", fix("fix: a " + i + " (#" + i + ")"));
        }

        Gov.Result r = gov("2026-11-05T00:00:00Z", "check");

        assertThat(r.out()).startsWith("BLOCKING  intent.tactical-hotspot  a.txt\n");
        assertThat(r.out().indexOf("WARNING")).isGreaterThan(r.out().indexOf("BLOCKING"));
    }
}
