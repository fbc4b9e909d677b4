package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two layers meeting, as the seed's loop closes: the Learning layer's records (LearningDemo: change failure rate
 * rises in 2026-W46 and again in 2026-W47) raise a release blocker for week three, 2026-W48, and the Release
 * layer's sign-off in that week is refused because of it, though every gate passes; in the following week, or
 * when a week without deployments breaks the run, the same sign-off goes through.
 */
class LearningBlocksReleaseTest {
    static final String WEEK_THREE = LearningDemo.NOW;
    static final String WEEK_FOUR = "2026-12-03T12:00:00Z";

    @TempDir
    static Path dir;
    static Path repo;
    static Path gap;
    static final List<String> gates = new ArrayList<>();

    @BeforeAll
    static void repositories_and_passing_gates() throws IOException {
        repo = LearningDemo.build(dir.resolve("shop"), false);
        gap = LearningDemo.build(dir.resolve("gap"), true);
        gates.add("lint=" + write("checkstyle.xml", "<checkstyle version=\"10\"/>"));
        gates.add("typecheck=" + write("junit.xml", "<testsuite tests=\"1\"><testcase classname=\"Shop\" name=\"sells\"/>"
                + "</testsuite>"));
        gates.add("security-scan=" + write("scan.sarif", "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\":"
                + " {\"name\": \"CodeQL\"}}, \"results\": []}]}"));
    }

    private static Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String head(Path repository) {
        try (Repository git = new FileRepositoryBuilder().setWorkTree(repository.toFile()).build()) {
            return git.resolve("HEAD").name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Gov.Result signOffHead(Path repository, String now) {
        List<String> args = new ArrayList<>(List.of("sign-off", "--repo", repository.toString(), "--sha", head(repository),
                "--env", "prod", "--by", "bob@example.com"));
        gates.forEach(g -> args.addAll(List.of("--gate", g)));
        return Gov.plain().with(CliEnvironment.GOV_NOW, now).run(args.toArray(String[]::new));
    }

    @Test
    void check_and_sign_off_in_week_three_both_stop_on_the_blocker() {
        Gov.Result check = Gov.plain().with(CliEnvironment.GOV_NOW, WEEK_THREE).run("check", "--repo", repo.toString());
        Gov.Result signOff = signOffHead(repo, WEEK_THREE);

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("BLOCKING  learning.release-blocker  week 2026-W48");
        assertThat(signOff.exitCode()).as(signOff.err()).isEqualTo(1);
        assertThat(signOff.out()).contains("| ❌ | no learning release blocker this week | a learning release blocker is active in 2026-W48 (change failure"
                + " rate degraded two weeks in a row (2026-W46, 2026-W47): releases are blocked in 2026-W48): no release to"
                + " prod this week |\n");
        assertThat(signOff.out()).contains("1 of 9 predicates failed").contains("| ✅ | gate lint |")
                .contains("| ✅ | gate typecheck |").contains("| ✅ | gate security-scan |");
    }

    @Test
    void the_same_sign_off_goes_through_in_week_four() {
        Gov.Result signOff = signOffHead(repo, WEEK_FOUR);

        assertThat(signOff.out()).contains("| ✅ | no learning release blocker this week |");
        assertThat(signOff.exitCode()).as(signOff.out()).isZero();
    }

    @Test
    void a_week_without_deployments_breaks_the_run_and_nothing_blocks_the_sign_off() {
        Gov.Result signOff = signOffHead(gap, WEEK_THREE);

        assertThat(signOff.out()).contains("| ✅ | no learning release blocker this week |");
        assertThat(signOff.exitCode()).as(signOff.out()).isZero();
    }
}
