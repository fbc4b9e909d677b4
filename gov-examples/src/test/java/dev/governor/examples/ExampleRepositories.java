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

    /** {@link #tidy()} for {@code @AnalyzeRepository(location = …)}. */
    public static final class Tidy implements AnalyzeRepository.Location {
        @Override
        public Path repository(Class<?> testClass) {
            return tidy();
        }
    }
}
