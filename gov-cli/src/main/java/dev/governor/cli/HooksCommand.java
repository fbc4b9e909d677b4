package dev.governor.cli;

import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gov hooks install}: a {@code commit-msg} hook that runs {@code gov check --pending --message "$1"}
 * and a {@code pre-push} hook that checks the outgoing changes, in the directory git runs hooks from
 * ({@code core.hooksPath} or the repository's {@code hooks}). A hook already there is kept beside ours as
 * {@code NAME.pre-gov} and runs first; {@code --uninstall} puts it back.
 */
@Command(name = "hooks", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Install (or --uninstall) git hooks that run gov: commit-msg checks the staged change with its"
                + " message, pre-push checks the outgoing changes. Existing hooks are kept and run first.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gov hooks install                  in the repository's hooks directory (or core.hooksPath)",
            "  gov hooks install --gov ~/bin/gov  the hooks run this command (default: this gov's java -jar)",
            "  GOV=gov git commit ...             a GOV variable overrides the command when a hook runs",
            "  gov hooks install --uninstall      remove them, restoring the hooks that were there"})
final class HooksCommand implements Callable<Integer> {

    /** The line after the shebang of every hook gov writes: how it knows its own. */
    static final String MARK = "# installed by gov hooks install; gov hooks install --uninstall removes it";
    /** The suffix an existing hook is kept under while gov's runs in its place. */
    static final String KEPT = ".pre-gov";
    static final List<String> HOOKS = List.of("commit-msg", "pre-push");

    @ParentCommand
    private GovCommand gov;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "install", description = "The action: install.")
    private String action;

    @Mixin
    private RepoOption repo;

    @Option(names = "--uninstall", description = "Remove gov's hooks and restore the ones they were installed beside.")
    private boolean uninstall;

    @Option(names = "--gov", paramLabel = "COMMAND",
            description = "The command the hooks run gov with (default: this gov, as java -jar with absolute paths).")
    private String command;

    @Override
    public Integer call() throws IOException {
        if (!"install".equals(action)) {
            throw new GovernanceException(null, 0, "unknown action '" + action + "': the only action is install"
                    + " (gov hooks install, or gov hooks install --uninstall)");
        }
        Path hooks = hooksDirectory(repo.repository());
        PrintWriter out = spec.commandLine().getOut();
        String launcher = uninstall ? null : command != null ? command : launcher();
        // refuse before writing anything: a half-installed pair is worse than none
        for (String name : HOOKS) {
            if (!uninstall) {
                checkInstallable(hooks, name);
            }
        }
        for (String name : HOOKS) {
            out.println(uninstall ? uninstall(hooks, name) : install(hooks, name, launcher));
        }
        out.flush();
        return Main.ExitCodes.OK;
    }

    /** The directory git runs this repository's hooks from: {@code core.hooksPath} when set, else its own. */
    static Path hooksDirectory(Path repository) {
        String path = git(repository, "rev-parse", "--git-path", "hooks").strip();
        Path dir = Path.of(path);
        return (dir.isAbsolute() ? dir : repository.resolve(dir)).normalize();
    }

    private static void checkInstallable(Path hooks, String name) throws IOException {
        Path hook = hooks.resolve(name);
        Path kept = hooks.resolve(name + KEPT);
        if (Files.exists(hook) && !ours(hook) && Files.exists(kept)) {
            throw new GovernanceException(hook.toString(), 0, "a " + name + " hook is here and " + kept.getFileName()
                    + " too: gov keeps an existing hook under that name, so it will not overwrite either; merge or"
                    + " remove one of them, then run gov hooks install again");
        }
    }

    /** Writes gov's hook {@code name}, keeping a hook of someone else's under {@code NAME.pre-gov}. */
    static String install(Path hooks, String name, String launcher) throws IOException {
        Files.createDirectories(hooks);
        Path hook = hooks.resolve(name);
        String kept = "";
        if (Files.exists(hook) && !ours(hook)) {
            Files.move(hook, hooks.resolve(name + KEPT));
            kept = " (the " + name + " hook that was there is kept as " + name + KEPT + " and runs first)";
        } else if (Files.exists(hooks.resolve(name + KEPT))) {
            kept = " (" + name + KEPT + " runs first)";
        }
        Files.writeString(hook, script(name, launcher), StandardCharsets.UTF_8);
        executable(hook);
        return "gov: installed " + hook + kept;
    }

    /** Removes gov's hook {@code name} and puts back the one it was installed beside. */
    static String uninstall(Path hooks, String name) throws IOException {
        Path hook = hooks.resolve(name);
        Path kept = hooks.resolve(name + KEPT);
        if (!Files.exists(hook) || !ours(hook)) {
            return "gov: no " + name + " hook of gov's in " + hooks + ": nothing to remove";
        }
        Files.delete(hook);
        if (Files.exists(kept)) {
            Files.move(kept, hook);
            return "gov: removed gov's " + name + " hook and restored the one it was installed beside";
        }
        return "gov: removed " + hook;
    }

    private static boolean ours(Path hook) throws IOException {
        if (!Files.isRegularFile(hook)) {
            return false;
        }
        List<String> lines = Files.readAllLines(hook, StandardCharsets.UTF_8);
        return lines.size() > 1 && lines.get(1).equals(MARK);
    }

    /**
     * The hook's script. It runs the kept hook first (stopping when that one refuses), then gov: the
     * command in {@code GOV} when that is set, else the one written at install time.
     */
    static String script(String name, String launcher) {
        String head = "#!/bin/sh\n" + MARK + "\n"
                + "# gov finds itself through $GOV when set, else through the command written below at install time.\n"
                + "kept=\"$(dirname \"$0\")/" + name + KEPT + "\"\n"
                + "gov() { if [ -n \"${GOV:-}\" ]; then $GOV \"$@\"; else " + launcher + " \"$@\"; fi; }\n";
        if (name.equals("commit-msg")) {
            return head
                    + "if [ -x \"$kept\" ]; then \"$kept\" \"$@\" || exit $?; fi\n"
                    + "gov check --pending --message \"$1\" --max-per-rule 0 || {\n"
                    + "  status=$?\n"
                    + "  echo \"gov: commit refused: fix the findings above, or change the message (its file is $1)\" >&2\n"
                    + "  exit $status\n"
                    + "}\n";
        }
        // pre-push: stdin has one line per ref pushed: <local ref> <local sha> <remote ref> <remote sha>
        return head
                + "input=\"$(cat)\"\n"
                + "if [ -x \"$kept\" ]; then printf '%s\\n' \"$input\" | \"$kept\" \"$@\" || exit $?; fi\n"
                + "zero=0000000000000000000000000000000000000000\n"
                + "printf '%s\\n' \"$input\" | while read -r local_ref local_sha remote_ref remote_sha; do\n"
                + "  [ -n \"$local_sha\" ] && [ \"$local_sha\" != \"$zero\" ] || continue\n"
                + "  case \"$local_ref\" in refs/heads/*) branch=\"${local_ref#refs/heads/}\" ;; *) continue ;; esac\n"
                + "  if [ \"$remote_sha\" = \"$zero\" ]; then range=\"$local_sha --not --remotes\"; "
                + "else range=\"$remote_sha..$local_sha\"; fi\n"
                + "  changes=\"\"\n"
                + "  for sha in $(git rev-list --first-parent $range); do changes=\"$changes --change $sha\"; done\n"
                + "  [ -n \"$changes\" ] || continue\n"
                + "  gov check --branch \"$branch\" $changes --max-per-rule 0 || {\n"
                + "    status=$?\n"
                + "    echo \"gov: push of $branch refused: fix the findings above in new commits, then push again\" >&2\n"
                + "    exit $status\n"
                + "  }\n"
                + "done\n";
    }

    /**
     * This gov as a command with absolute paths: {@code java -jar gov.jar} when it runs from its jar, else
     * {@code java -cp CLASSPATH dev.governor.cli.Main} (from a build's classes).
     */
    static String launcher() {
        String java = quote(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try {
            Path code = Path.of(HooksCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return java + " -jar " + quote(code.toAbsolutePath().toString());
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the class path
        }
        return java + " -cp " + quote(System.getProperty("java.class.path")) + " " + Main.class.getName();
    }

    /** A word for sh: single-quoted, with each single quote closed, escaped and reopened. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void executable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            if (!file.toFile().setExecutable(true)) {
                throw new GovernanceException(file.toString(), 0, "cannot make the hook executable: chmod +x it");
            }
        }
    }

    /** Runs the git command line in {@code dir}: hooks are run by it, so it is there wherever they are. */
    private static String git(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new GovernanceException(dir.toString(), 0, "not a git repository (git " + String.join(" ", args)
                        + " said: " + output.strip() + "): give the root of a git repository with --repo");
            }
            return output;
        } catch (IOException e) {
            throw new GovernanceException(dir.toString(), 0, "cannot run git (" + e.getMessage() + "): hooks are run"
                    + " by the git command line, so install git first");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GovernanceException(dir.toString(), 0, "interrupted while asking git for the hooks directory");
        }
    }
}
