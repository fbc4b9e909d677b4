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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gov hooks install} with the packaged gov.jar, and commits and pushes made with the plain git
 * command line through the installed hooks, in a repository where src/a.txt just got its third tactical
 * fix in a week (issue 13's "Done when").
 */
class HooksIT {

    static final Instant D0 = Instant.parse("2026-11-20T09:00:00Z");
    static final String NOW = "2026-11-24T12:00:00Z";

    @TempDir
    Path repo;
    @TempDir
    Path home;

    @BeforeEach
    void src_a_txt_just_got_its_third_tactical_fix_in_a_week() throws Exception {
        git("init", "-q", "-b", "main");
        // the team has adopted the Intent layer alone: change types, risk and the hotspot lock
        write("governance.yml", "layers: [intent]\n");
        write("src/a.txt", "a\n");
        commit(D0, "feat: start (#1)\n\nRisk: low");
        for (int i = 1; i <= 3; i++) {
            write("src/a.txt", "a" + i + "\n");
            commit(D0.plus(Duration.ofDays(i)), "fix: a, take " + i + " (#" + (i + 1) + ")\n\nRisk: low");
        }
    }

    @Test
    void a_tactical_fix_to_the_locked_file_is_refused_by_the_commit_msg_hook_and_goes_in_as_a_strategic_fix()
            throws Exception {
        Run install = gov("hooks", "install");
        assertThat(install.exit()).as(install.err()).isZero();
        Path hooks = repo.resolve(".git/hooks").toRealPath();
        assertThat(install.out()).isEqualTo("gov: installed " + hooks.resolve("commit-msg") + "\n"
                + "gov: installed " + hooks.resolve("pre-push") + "\n");
        String head = git("rev-parse", "HEAD").out();

        write("src/a.txt", "a4\n");
        git("add", "src/a.txt");
        Run refused = run(List.of("git", "commit", "-q", "-m", "fix: a, take 4\n\nRisk: low"));

        assertThat(refused.exit()).isNotZero();
        assertThat(refused.out()).contains("staged is a tactical fix to src/a.txt, locked since 2026-11-23 by a hotspot"
                + " (#2, #3, #4): merge a change with Change-Type: strategic-fix touching it first");
        assertThat(refused.out()).contains("gov: commit refused: fix the findings above, or change the message");
        assertThat(git("rev-parse", "HEAD").out()).isEqualTo(head);

        Run accepted = run(List.of("git", "commit", "-q", "-m",
                "fix: a, for good\n\nChange-Type: strategic-fix\nRisk: low"));

        assertThat(accepted.exit()).as(accepted.out()).isZero();
        assertThat(git("log", "-1", "--format=%s").out()).isEqualTo("fix: a, for good\n");
    }

    @Test
    void the_pre_push_hook_refuses_outgoing_changes_with_blocking_findings() throws Exception {
        Path remote = home.resolve("remote.git");
        git("clone", "-q", "--bare", repo.toString(), remote.toString());
        git("remote", "add", "origin", remote.toString());
        git("fetch", "-q", "origin");
        assertThat(gov("hooks", "install").exit()).isZero();
        write("src/a.txt", "a4\n");
        git("add", "src/a.txt");
        // past the commit-msg hook, as --no-verify does: the push is the last line of defence
        git("commit", "-q", "--no-verify", "-m", "fix: a, take 4 (#5)\n\nRisk: low");

        Run push = run(List.of("git", "push", "-q", "origin", "main"));

        assertThat(push.exit()).isNotZero();
        assertThat(push.out()).contains("#5 is a tactical fix to src/a.txt, locked since 2026-11-23 by a hotspot"
                + " (#2, #3, #4): merge a change with Change-Type: strategic-fix touching it first");
        assertThat(push.out()).contains("gov: push of main refused: fix the findings above in new commits, then push"
                + " again");
    }

    @Test
    void an_existing_hook_is_kept_runs_first_and_comes_back_on_uninstall() throws Exception {
        Path hooks = repo.resolve(".git/hooks");
        String theirs = "#!/bin/sh\necho \"their hook saw $1\" >> \"" + home.resolve("theirs.log") + "\"\n";
        Files.writeString(hooks.resolve("commit-msg"), theirs);
        hooks.resolve("commit-msg").toFile().setExecutable(true);

        Run install = gov("hooks", "install");
        assertThat(install.out()).startsWith("gov: installed " + hooks.toRealPath().resolve("commit-msg")
                + " (the commit-msg hook that was there is kept as commit-msg.pre-gov and runs first)\n");
        write("src/b.txt", "b\n");
        git("add", "src/b.txt");
        Run commit = run(List.of("git", "commit", "-q", "-m", "feat: b\n\nRisk: low"));
        assertThat(commit.exit()).as(commit.out()).isZero();
        assertThat(Files.readString(home.resolve("theirs.log"))).startsWith("their hook saw .git/COMMIT_EDITMSG");

        Run uninstall = gov("hooks", "install", "--uninstall");
        assertThat(uninstall.out()).isEqualTo("gov: removed gov's commit-msg hook and restored the one it was installed"
                + " beside\ngov: removed " + hooks.toRealPath().resolve("pre-push") + "\n");
        assertThat(Files.readString(hooks.resolve("commit-msg"))).isEqualTo(theirs);
        assertThat(hooks.resolve("commit-msg.pre-gov")).doesNotExist();
        assertThat(hooks.resolve("pre-push")).doesNotExist();
    }

    record Run(int exit, String out, String err) {}

    private Run gov(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "gov.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private Run git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Run run = run(command);
        assertThat(run.exit()).as(String.join(" ", command) + ": " + run.out() + run.err()).isZero();
        return run;
    }

    /** Runs a command in the repository with git's configuration clean, GOV_NOW fixed and both dates at NOW. */
    private Run run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "Ann Dev");
        env.put("GIT_AUTHOR_EMAIL", "ann@example.com");
        env.put("GIT_COMMITTER_NAME", "Ann Dev");
        env.put("GIT_COMMITTER_EMAIL", "ann@example.com");
        env.putIfAbsent("GIT_AUTHOR_DATE", NOW);
        env.putIfAbsent("GIT_COMMITTER_DATE", NOW);
        env.put("GOV_NOW", NOW);
        env.remove("GOV");
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        boolean git = command.get(0).equals("git");
        // git's own messages and the hooks' output: one stream, in order, as a terminal shows them
        Process p = (git ? pb.redirectErrorStream(true) : pb.redirectError(err.toFile())).redirectOutput(out.toFile())
                .start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                git ? "" : Files.readString(err, StandardCharsets.UTF_8));
    }

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void commit(Instant at, String message) throws Exception {
        git("add", "-A");
        runAt(at, List.of("git", "commit", "-q", "-m", message));
    }

    private void runAt(Instant at, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "Ann Dev");
        env.put("GIT_AUTHOR_EMAIL", "ann@example.com");
        env.put("GIT_COMMITTER_NAME", "Ann Dev");
        env.put("GIT_COMMITTER_EMAIL", "ann@example.com");
        env.put("GIT_AUTHOR_DATE", at.toString());
        env.put("GIT_COMMITTER_DATE", at.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(command + ": " + output).isZero();
    }
}
