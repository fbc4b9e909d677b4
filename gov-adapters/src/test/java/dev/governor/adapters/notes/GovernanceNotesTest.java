package dev.governor.adapters.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.api.GovernanceException;
import dev.governor.api.SignOff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-off evidence in refs/notes/governance, written with JGit and read back by plain git and by us. */
class GovernanceNotesTest {
    static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path repo;

    String sha;

    @BeforeEach
    void a_repository_with_one_commit() throws IOException {
        git("init", "-q", "-b", "main");
        Files.writeString(repo.resolve("a.txt"), "a");
        git("add", "-A");
        git("commit", "-q", "-m", "one");
        sha = git("rev-parse", "HEAD").strip();
    }

    private String evidence(String env, String verdict) {
        return "{\"sha\":\"" + sha + "\",\"env\":\"" + env + "\",\"at\":\"2026-11-26T12:00:00Z\",\"by\":\"ada@example.com\","
                + "\"verdict\":\"" + verdict + "\"}";
    }

    private SignOff signOff(String env) {
        return new SignOff(sha, env, AT, "ada@example.com", SignOff.Status.PASSED);
    }

    @Test
    void plain_git_shows_the_evidence_of_each_environment_appended_never_replaced() {
        GovernanceNotes.append(repo, signOff("staging"), evidence("staging", "passed"));
        GovernanceNotes.append(repo, signOff("prod"), evidence("prod", "failed"));

        assertThat(git("notes", "--ref", "governance", "show", sha))
                .isEqualTo(evidence("staging", "passed") + "\n" + evidence("prod", "failed") + "\n");
        assertThat(GovernanceNotes.read(repo)).containsExactly(
                new SignOff(sha, "staging", AT, "ada@example.com", SignOff.Status.PASSED),
                new SignOff(sha, "prod", AT, "ada@example.com", SignOff.Status.FAILED));
    }

    @Test
    void a_note_plain_git_appended_to_keeps_its_text_and_gets_ours_after_it() {
        git("notes", "--ref", "governance", "add", "-m", evidence("qa", "passed"), sha);
        GovernanceNotes.append(repo, signOff("prod"), evidence("prod", "passed"));

        assertThat(GovernanceNotes.read(repo)).extracting(SignOff::env).containsExactly("qa", "prod");
    }

    @Test
    void sign_offs_racing_from_separate_processes_all_land() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String env = "env-" + i;
            // each append opens its own Repository, as a second process would: only the ref's lock and the
            // compare-and-swap keep them apart
            done.add(pool.submit(() -> {
                start.await();
                GovernanceNotes.append(repo, signOff(env), evidence(env, "passed"));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(GovernanceNotes.read(repo)).extracting(SignOff::env)
                .containsExactlyInAnyOrder("env-0", "env-1", "env-2", "env-3", "env-4", "env-5", "env-6", "env-7");
        assertThat(git("notes", "--ref", "governance", "show", sha).lines().count()).isEqualTo(writers);
        assertThat(git("rev-list", "--count", GovernanceNotes.REF).strip()).isEqualTo(String.valueOf(writers));
    }

    @Test
    void a_note_that_is_not_sign_off_evidence_is_refused_with_its_line() {
        git("notes", "--ref", "governance", "add", "-m", evidence("qa", "passed") + "\n{\"env\": \"prod\", \"at\": "
                + "\"2026-11-26T12:00:00Z\", \"by\": \"x\", \"verdict\": \"maybe\"}", sha);

        assertThatThrownBy(() -> GovernanceNotes.read(repo)).isInstanceOf(GovernanceException.class)
                .hasMessage(GovernanceNotes.REF + ":" + sha + ":2: verdict 'maybe' is neither passed nor failed: this"
                        + " line is not sign-off evidence Governor wrote; remove it from the note");
    }

    @Test
    void a_sha_that_is_no_commit_here_is_refused() {
        SignOff unknown = new SignOff("0123456789abcdef0123456789abcdef01234567", "prod", AT, "ada", SignOff.Status.PASSED);

        assertThatThrownBy(() -> GovernanceNotes.append(repo, unknown, "{}"))
                .hasMessage(repo + ": no commit 0123456789abcdef0123456789abcdef01234567 in this repository: sign off a"
                        + " commit that exists here");
    }

    @Test
    void no_notes_ref_means_no_recorded_sign_off() {
        assertThat(GovernanceNotes.read(repo)).isEmpty();
    }

    private String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_AUTHOR_NAME", "Ada");
        env.put("GIT_AUTHOR_EMAIL", "ada@example.com");
        env.put("GIT_COMMITTER_NAME", "Ada");
        env.put("GIT_COMMITTER_EMAIL", "ada@example.com");
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(command + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
