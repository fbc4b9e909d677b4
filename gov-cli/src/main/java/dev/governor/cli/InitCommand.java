package dev.governor.cli;

import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gov init}: adopts Governor in a repository at the seed's first stage. Writes {@code governance.yml}
 * with {@code layers: [release]} and {@code since:} today (the adoption date: older history is not governed,
 * so the first check judges what comes next, not years of history written without trailers), the later
 * stages as comments in the seed's order (Release, Contract, Change, Learning, Intent); a pull request
 * template with the four fields of the Change layer; and an ADR recording the adoption. It never overwrites a
 * file: what exists is kept and named, so running it twice is harmless.
 */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Adopt Governor in a repository: write governance.yml (layers: [release], since: today),"
                + " a pull request template with the four fields, an ADR recording the adoption, and a paragraph in"
                + " AGENTS.md telling AI coding agents to ask gov before editing and committing."
                + " Existing files are never overwritten; AGENTS.md is appended to.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gov init                  in the root of a git repository",
            "  gov init --repo ../shop   another repository",
            "  gov init --no-agents      leave AGENTS.md alone",
            "  GOV_NOW=2026-12-01T00:00:00Z gov init   fixes the adoption date"})
final class InitCommand implements Callable<Integer> {

    static final String POLICY = "governance.yml";
    static final String GITHUB_TEMPLATE = ".github/pull_request_template.md";
    static final String GITLAB_TEMPLATE = ".gitlab/merge_request_templates/Default.md";
    /** Where code hosts look for a pull request template: one found there is kept. */
    private static final List<String> TEMPLATES = List.of(GITHUB_TEMPLATE, ".github/PULL_REQUEST_TEMPLATE.md",
            "pull_request_template.md", "PULL_REQUEST_TEMPLATE.md", "docs/pull_request_template.md",
            "docs/PULL_REQUEST_TEMPLATE.md", ".github/PULL_REQUEST_TEMPLATE", GITLAB_TEMPLATE);
    /** Where ADRs live (spec/formats.md); the first that exists is used, else the first. */
    private static final List<String> ADR_DIRS = List.of("docs/adr", "doc/adr", "docs/decisions");
    static final String ADR_SLUG = "adopt-engineering-governance";
    private static final Pattern ADR_NUMBER = Pattern.compile("^(\\d+)[-_ ].*\\.md$");

    @ParentCommand
    private GovCommand gov;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RepoOption repo;

    @Option(names = "--agents", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write (or append to) AGENTS.md a paragraph telling AI coding agents to call gov's context"
                    + " before editing and check_pending before committing (default: on; --no-agents to skip).")
    private boolean agents;

    /** Where AI coding agents read a repository's instructions (agents.md; Codex, Cursor, Copilot and others). */
    static final String AGENTS = "AGENTS.md";
    /** The paragraph's heading: its presence means the paragraph is there already. */
    static final String AGENTS_HEADING = "## Ask Governor before editing";

    /** What an agent should do, in the words the MCP tools and the command line use. */
    static final String AGENTS_PARAGRAPH = AGENTS_HEADING + """


            This repository is governed by Governor, which remembers what single sessions forget: which files are
            locked after repeated quick fixes, which ADRs and boundaries cover a path, who consumes a contract, what
            was reverted. Before editing files, call the `context` tool of the `gov` MCP server with the paths you
            will change (or run `gov context PATH…`) and follow what it says: a locked file takes a strategic fix
            (`Change-Type: strategic-fix`), not another tactical one; code under an ADR's removed boundary belongs
            where it moved to. Before committing, call `check_pending` with your commit message (or run
            `gov check --pending --message FILE`) and resolve every blocking finding; state the change type and
            risk as trailers (`Change-Type:`, `Risk:`).
            """;

    @Override
    public Integer call() {
        Path root = repo.repository();
        if (!Files.isDirectory(root)) {
            throw new GovernanceException(root.toString(), 0, "not a directory: give the root of a git repository");
        }
        if (!Files.exists(root.resolve(".git"))) {
            throw new GovernanceException(root.toString(), 0, "not the root of a git repository: run git init first,"
                    + " or pass --repo with the root of one");
        }
        LocalDate today = LocalDate.ofInstant(gov.environment().clock().instant(), ZoneOffset.UTC);
        PrintWriter out = spec.commandLine().getOut();
        List<String> written = new ArrayList<>();

        report(out, written, write(root, POLICY, policy(today)),
                "layers: [release], governed from " + today + "; the next layers wait as comments");

        String template = existing(root, TEMPLATES);
        if (template != null) {
            out.println("Kept " + template + " (it exists): make sure it asks for Intent, Blast radius, Verification"
                    + " and Rollback.");
        } else {
            String path = Files.exists(root.resolve(".gitlab-ci.yml")) && !Files.isDirectory(root.resolve(".github"))
                    ? GITLAB_TEMPLATE : GITHUB_TEMPLATE;
            report(out, written, write(root, path, TEMPLATE), "the four fields every change states");
        }

        Path adrDir = root.resolve(ADR_DIRS.stream().filter(d -> Files.isDirectory(root.resolve(d))).findFirst()
                .orElse(ADR_DIRS.get(0)));
        String adopted = adoptionAdr(root, adrDir);
        if (adopted != null) {
            out.println("Kept " + adopted + " (the adoption is recorded already).");
        } else {
            int number = nextAdrNumber(adrDir);
            String path = root.relativize(adrDir).toString().replace('\\', '/') + "/"
                    + String.format("%04d", number) + "-" + ADR_SLUG + ".md";
            report(out, written, write(root, path, adr(number, today)), "ADR " + number + " records the adoption");
        }

        if (agents) {
            String what = "asks AI coding agents to call gov context before editing and check_pending before"
                    + " committing";
            switch (agents(root)) {
                case WROTE -> report(out, written, new Written(AGENTS, true), what);
                case APPENDED -> {
                    written.add(AGENTS);
                    out.println("Appended to " + AGENTS + " a paragraph that " + what + ".");
                }
                case KEPT -> out.println("Kept " + AGENTS + " (it has the paragraph on Governor already).");
            }
        }

        out.println();
        out.println("Next steps:");
        int step = 1;
        if (!written.isEmpty()) {
            out.println("  " + step++ + ". Commit what was written: git add " + String.join(" ", written)
                    + " && git commit -m \"Adopt engineering governance\"");
        }
        out.println("  " + step++ + ". Run gov check: it exits 0 when nothing blocks, 1 when something does.");
        out.println("  " + step++ + ". In CI, run gov check on every pull request and upload its SARIF"
                + " (Governor's docs/ci/ has a GitHub Actions workflow and a GitLab CI job).");
        out.println("  " + step + ". When release runs quietly, put the next layer in force: uncomment contract in "
                + POLICY + "'s layers.");
        out.flush();
        return Main.ExitCodes.OK;
    }

    private static void report(PrintWriter out, List<String> written, Written result, String what) {
        if (result.created()) {
            written.add(result.path());
            out.println("Wrote " + result.path() + ": " + what + ".");

        } else {
            out.println("Kept " + result.path() + " (it exists; gov init never overwrites a file).");
        }
    }

    private record Written(String path, boolean created) {
    }

    /** What became of AGENTS.md. */
    private enum Agents { WROTE, APPENDED, KEPT }

    /**
     * Writes AGENTS.md with the paragraph, or appends the paragraph to an AGENTS.md that lacks it (after a blank
     * line, the file's own text untouched); one that has the heading already is kept.
     */
    private static Agents agents(Path root) {
        Path file = root.resolve(AGENTS);
        if (!Files.exists(file)) {
            return write(root, AGENTS, "# Agents\n\n" + AGENTS_PARAGRAPH).created() ? Agents.WROTE : Agents.KEPT;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.contains(AGENTS_HEADING)) {
                return Agents.KEPT;
            }
            String gap = text.isEmpty() ? "" : text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
            Files.writeString(file, gap + AGENTS_PARAGRAPH, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return Agents.APPENDED;
        } catch (java.nio.charset.MalformedInputException e) {
            throw new GovernanceException(file.toString(), 0, "not UTF-8 text: convert it to UTF-8, or run gov init"
                    + " --no-agents and add the paragraph yourself");
        } catch (IOException e) {
            throw new GovernanceException(file.toString(), 0, "cannot append (" + e.getClass().getSimpleName()
                    + "): check the file's permissions, or run gov init --no-agents");
        }
    }

    /** Writes {@code text} to {@code path} unless something is there; never overwrites. */
    private static Written write(Path root, String path, String text) {
        Path file = root.resolve(path);
        if (Files.exists(file)) {
            return new Written(path, false);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
            return new Written(path, true);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return new Written(path, false);
        } catch (IOException e) {
            throw new GovernanceException(file.toString(), 0, "cannot write (" + e.getClass().getSimpleName()
                    + "): check the directory's permissions");
        }
    }

    private static String existing(Path root, List<String> candidates) {
        return candidates.stream().filter(c -> Files.exists(root.resolve(c))).findFirst().orElse(null);
    }

    /** An ADR written by an earlier {@code gov init}, relative to the root, or {@code null}. */
    private static String adoptionAdr(Path root, Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-" + ADR_SLUG + ".md"))
                    .sorted().findFirst()
                    .map(n -> root.relativize(dir.resolve(n)).toString().replace('\\', '/')).orElse(null);
        } catch (IOException e) {
            throw new GovernanceException(dir.toString(), 0, "cannot list the ADRs (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** One more than the highest ADR number in {@code dir}, else 1. */
    static int nextAdrNumber(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 1;
        }
        int max = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = ADR_NUMBER.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).length() <= 6) {
                    max = Math.max(max, Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new GovernanceException(dir.toString(), 0, "cannot list the ADRs (" + e.getClass().getSimpleName() + ")");
        }
        return max + 1;
    }

    /** governance.yml at the seed's first stage, the later ones as comments in the seed's order. */
    static String policy(LocalDate today) {
        return """
                # Governor's policy for this repository (gov rules lists the rules, gov explain RULE says what one checks).
                # The adoption date: history before it is not governed, so the first checks judge what comes next.
                since: %s

                # The layers in force, in the order the seed adopts them: start with Release alone and put the next
                # layer in force (uncomment its line) when the last one runs quietly.
                layers:
                  - release      # 1. Is this verified, or just merged? The cheapest win, the biggest audit-trail gain.
                  # - contract   # 2. What do other systems depend on? Ends the largest class of cross-repo bugs.
                  # - change     # 3. What changed, and can someone roll it back? ADRs compound: start early.
                  # - learning   # 4. Is the system getting better at recovering? Needs the other layers running.
                  # - intent     # 5. Why are we changing this, and how risky? Hardest: once the rest is habit.
                """.formatted(today);
    }

    /** The pull request template: the four fields, as sections the Change layer reads from PR bodies. */
    static final String TEMPLATE = """
            <!-- Governor reads the four sections below from the pull request (gov explain change.template-field-missing).
                 A section that is empty, only this kind of comment, or TBD / TODO / n/a counts as missing.
                 Change type and risk: labels such as tactical-fix and risk:low, or trailers in the commit message
                 (Change-Type: tactical-fix, Risk: low). -->

            ## Intent
            <!-- Why change this? -->

            ## Blast radius
            <!-- What could it break, and for whom? -->

            ## Verification
            <!-- How was it verified: tests, a canary, a manual check? -->

            ## Rollback
            <!-- How is it undone: revert the commit, turn off a flag, a down migration? -->
            """;

    /** The ADR recording the adoption, in the Nygard form Governor reads. */
    static String adr(int number, LocalDate today) {
        return """
                # %d. Adopt engineering governance with Governor

                Date: %s

                ## Status

                Accepted

                ## Context

                AI-assisted work multiplies how fast changes land, not how well they are judged. Without checks that run
                at that speed, releases go out unverified, contracts break their consumers, decisions are forgotten
                between sessions, and the same file is patched again and again. Gates that need a person do not scale.

                ## Decision

                We check every change with Governor (`gov check`, in CI on every pull request), adopting the five
                layers one at a time in the seed's order: Release first (is it verified, or just merged?), then
                Contract, Change, Learning and Intent, each when the last runs quietly. History before today
                (`since:` in governance.yml) is not governed.

                ## Consequences

                A blocking finding fails the check; `gov explain RULE` says what a rule wants. Findings we accept for
                now go into a baseline (`gov check --baseline FILE --update-baseline`), which only shrinks. Putting a
                layer in force, or taking one out, is a change to governance.yml reviewed like any other.
                """.formatted(number, today);
    }
}
