package dev.governor.examples;

import dev.governor.test.AnalyzeRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Real git repositories for the examples, built with JGit under {@code target/example-repos}: small
 * histories whose commits carry the trailers Governor reads. Commit times are days before now, so the
 * history falls inside the default window whenever the tests run.
 */
final class ExampleRepositories {
    private static final Path ROOT = Path.of("target", "example-repos");

    private ExampleRepositories() {
    }

    /**
     * A tidy repository: four well-declared commits, a policy putting Intent and Change in force, and the
     * custom rule of {@link HostTool} in {@code governance/rules}.
     */
    static synchronized Path tidy() {
        Path dir = ROOT.resolve("tidy");
        if (Files.isDirectory(dir.resolve(".git"))) {
            return dir; // built once per test JVM run; target/ is rebuilt by a clean build
        }
        delete(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Instant now = Instant.now();
            commit(git, dir, "governance.yml", "layers: [intent, change]\n",
                    "chore: adopt governance", "tech-debt", now.minus(Duration.ofDays(10)));
            commit(git, dir, "governance/rules/no-friday-deploys.drl", bundledRule(),
                    "chore: add the team's own rules", "tech-debt", now.minus(Duration.ofDays(9)));
            commit(git, dir, "src/pay/Ledger.java", "class Ledger {}\n",
                    "feat: add the ledger", "feature", now.minus(Duration.ofDays(5)));
            commit(git, dir, "src/pay/Ledger.java", "class Ledger { long total; }\n",
                    "fix: keep the ledger total", "tactical-fix", now.minus(Duration.ofDays(1)));
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot build the example repository", e);
        }
        return dir;
    }

    /** The instant the legacy repositories are checked at. */
    static final String LEGACY_NOW = "2026-11-10T00:00:00Z";

    /**
     * A payment service with a past: three tactical fixes to the ledger within a week (#412, #418, #421)
     * made it a hotspot, which a strategic fix (#424) then unlocked; a web change (#426) followed. Dated and
     * numbered like pull requests (squash merges), so its findings and their fingerprints are the same on
     * every machine: a frozen rule's baseline can be committed.
     */
    static synchronized Path legacy() {
        return legacy("legacy", false);
    }

    /** {@link #legacy()}, plus a new hotspot: three tactical fixes to the refunds (#430, #431, #432) on 9 November. */
    static synchronized Path legacyWithNewHotspot() {
        return legacy("legacy-new-hotspot", true);
    }

    private static Path legacy(String name, boolean newHotspot) {
        Path dir = ROOT.resolve(name);
        if (Files.isDirectory(dir.resolve(".git"))) {
            return dir;
        }
        delete(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, dir, "governance.yml", "layers: [intent]\n", "chore: adopt governance (#400)", "tech-debt",
                    Instant.parse("2026-10-20T09:00:00Z"));
            commit(git, dir, "src/pay/Ledger.java", "class Ledger { }\n", "fix: round ledger totals half-even (#412)",
                    "tactical-fix", Instant.parse("2026-11-02T09:00:00Z"));
            commit(git, dir, "src/pay/Ledger.java", "class Ledger { long cents; }\n",
                    "fix: keep the ledger total in cents (#418)", "tactical-fix", Instant.parse("2026-11-04T09:00:00Z"));
            commit(git, dir, "src/pay/Ledger.java", "class Ledger { long cents; void reset() { } }\n",
                    "fix: reset the ledger on rollover (#421)", "tactical-fix", Instant.parse("2026-11-06T09:00:00Z"));
            commit(git, dir, "src/pay/Ledger.java", "class Ledger { Entries entries; Totals totals; }\n",
                    "refactor: split the ledger into entries and totals (#424)", "strategic-fix",
                    Instant.parse("2026-11-08T09:00:00Z"));
            commit(git, dir, "src/web/App.java", "class App { }\n", "feat: show the balance on the web page (#426)",
                    "feature", Instant.parse("2026-11-09T09:00:00Z"));
            if (newHotspot) {
                for (int i = 0; i < 3; i++) {
                    commit(git, dir, "src/pay/Refund.java", "class Refund { int v = " + i + "; }\n",
                            "fix: refund rounding, take " + (i + 1) + " (#43" + i + ")", "tactical-fix",
                            Instant.parse("2026-11-09T1" + i + ":00:00Z"));
                }
            }
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot build the example repository", e);
        }
        return dir;
    }

    private static void commit(Git git, Path dir, String path, String content, String subject, String type,
                               Instant at) throws GitAPIException {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git.add().addFilepattern(path).call();
        PersonIdent who = new PersonIdent("Ada Example", "ada@example.com", at, ZoneOffset.UTC);
        git.commit().setAuthor(who).setCommitter(who).setSign(false).setMessage(subject + "\n\n"
                + "Change-Type: " + type + "\n"
                + "Risk: low\n"
                + "Intent: " + subject.substring(subject.indexOf(':') + 2) + "\n"
                + "Blast-Radius: the payment module only\n"
                + "Verification: unit tests\n"
                + "Rollback: revert the commit\n").call();
    }

    private static String bundledRule() {
        try {
            return Files.readString(HostTool.bundledRules().resolve("no-friday-deploys.drl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #legacy()} for {@code @AnalyzeRepository(location = …)}. */
    public static final class Legacy implements AnalyzeRepository.Location {
        @Override
        public Path repository(Class<?> testClass) {
            return legacy();
        }
    }

    /** {@link #tidy()} for {@code @AnalyzeRepository(location = …)}. */
    public static final class Tidy implements AnalyzeRepository.Location {
        @Override
        public Path repository(Class<?> testClass) {
            return tidy();
        }
    }
}
