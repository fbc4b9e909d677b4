package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged gov.jar as a team meets it: {@code git init}, {@code gov init}, {@code gov check} before and
 * after the first commit, all with the plain git command line. Every run must exit 0.
 */
class InitThenCheckIT {

    @TempDir
    Path repo;
    @TempDir
    Path home;

    @Test
    void gov_init_then_gov_check_in_a_fresh_repository_exits_0_before_and_after_the_first_commit() throws Exception {
        PlainGitAcceptanceIT.Shell shell = new PlainGitAcceptanceIT.Shell(repo, home, "2026-11-26T12:00:00Z");
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        shell.git(now, "init", "-q", "-b", "main");

        PlainGitAcceptanceIT.Run init = shell.gov("init");
        PlainGitAcceptanceIT.Run empty = shell.gov("check");

        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).startsWith("Wrote governance.yml: layers: [release], governed from 2026-11-26;");
        assertThat(empty.exit()).as(empty.err()).isZero();
        assertThat(empty.out()).isEqualTo("0 blocking, 0 warnings, 0 info · layers: release · 0 changes\n");

        Instant later = Instant.parse("2026-11-26T13:00:00Z");
        shell.git(later, "add", "-A");
        shell.git(later, "commit", "-q", "-m", "Adopt engineering governance");
        PlainGitAcceptanceIT.Run first = shell.gov("check", "--format", "json");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(Schemas.reportErrors(first.out())).isEmpty();
        assertThat(first.out()).contains("\"changes\" : 1");
        assertThat(Files.readString(repo.resolve("governance.yml"))).contains("since: 2026-11-26\n");
    }
}
