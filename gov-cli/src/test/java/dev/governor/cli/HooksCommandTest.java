package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code gov hooks install} writes, what it keeps and what it refuses (the hooks run in HooksIT). */
class HooksCommandTest {

    @TempDir
    Path dir;
    PlainGitRepo repo;

    @BeforeEach
    void a_repository() {
        repo = PlainGitRepo.init(dir);
    }

    @Test
    void hooks_go_where_core_hooks_path_points_and_run_the_command_given() throws IOException {
        repo.git(Instant.EPOCH, "config", "core.hooksPath", ".githooks");

        Gov.Result result = Gov.plain().run("hooks", "install", "--repo", dir.toString(), "--gov", "/opt/gov/bin/gov");

        Path hooks = dir.resolve(".githooks");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("gov: installed " + hooks.resolve("commit-msg") + "\n"
                + "gov: installed " + hooks.resolve("pre-push") + "\n");
        String hook = Files.readString(hooks.resolve("commit-msg"));
        assertThat(hook).startsWith("#!/bin/sh\n" + HooksCommand.MARK + "\n")
                .contains("else /opt/gov/bin/gov \"$@\"; fi; }\n")
                .contains("gov check --pending --message \"$1\" --max-per-rule 0 ||");
        assertThat(Files.isExecutable(hooks.resolve("commit-msg"))).isTrue();
        assertThat(dir.resolve(".git/hooks/commit-msg")).doesNotExist();
    }

    @Test
    void installing_again_replaces_gov_s_own_hooks_and_keeps_nothing_twice() throws IOException {
        Gov.plain().run("hooks", "install", "--repo", dir.toString(), "--gov", "gov-one");

        Gov.Result again = Gov.plain().run("hooks", "install", "--repo", dir.toString(), "--gov", "gov-two");

        assertThat(again.exitCode()).isZero();
        Path hooks = dir.resolve(".git/hooks");
        assertThat(Files.readString(hooks.resolve("commit-msg"))).contains("else gov-two \"$@\"");
        assertThat(hooks.resolve("commit-msg" + HooksCommand.KEPT)).doesNotExist();
    }

    @Test
    void a_hook_and_a_kept_one_both_there_are_refused_untouched_with_what_to_do() throws IOException {
        Path hooks = dir.resolve(".git/hooks");
        Files.writeString(hooks.resolve("pre-push"), "#!/bin/sh\nexit 0\n");
        Files.writeString(hooks.resolve("pre-push.pre-gov"), "#!/bin/sh\nexit 0\n");

        Gov.Result result = Gov.plain().run("hooks", "install", "--repo", dir.toString(), "--gov", "gov");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("gov: " + hooks.toRealPath().resolve("pre-push") + ": a pre-push hook is here"
                + " and pre-push.pre-gov too: gov keeps an existing hook under that name, so it will not overwrite either;"
                + " merge or remove one of them, then run gov hooks install again\n");
        assertThat(hooks.resolve("commit-msg")).doesNotExist();
    }

    @Test
    void uninstalling_where_gov_installed_nothing_says_so() throws IOException {
        Gov.Result result = Gov.plain().run("hooks", "install", "--repo", dir.toString(), "--uninstall");

        Path hooks = dir.resolve(".git/hooks").toRealPath();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("gov: no commit-msg hook of gov's in " + hooks + ": nothing to remove\n"
                + "gov: no pre-push hook of gov's in " + hooks + ": nothing to remove\n");
    }

    @Test
    void an_unknown_action_is_refused() {
        Gov.Result result = Gov.plain().run("hooks", "remove", "--repo", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("gov: unknown action 'remove': the only action is install (gov hooks install,"
                + " or gov hooks install --uninstall)\n");
    }
}
