package dev.governor.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;

/**
 * Runs the {@link GovTest} fields of a test class against one check of a repository, like ArchUnit's
 * {@code @AnalyzeClasses}. The repository is checked once per class; each field is its own test. The
 * Governor test engine ({@code governor}, found by the JUnit Platform next to Jupiter) runs the fields,
 * Jupiter runs the class's {@code @Test} methods as usual.
 *
 * <pre>{@code
 * @AnalyzeRepository(path = ".", policy = "governance.yml")
 * class GovernanceTest {
 *     @GovTest
 *     static final GovRule noHotspots = GovRules.noFindings("intent.tactical-hotspot");
 * }
 * }</pre>
 *
 * Paths follow {@link dev.governor.Governor.Builder}'s one rule: {@link #path()} is taken from the
 * working directory (under Maven, the module's directory), and {@link #policy()} and {@link #rules()}, which
 * name files of the repository, from the repository root (as {@code ruleDirs} in {@code governance.yml}
 * are). The check uses the fact sources found on the class path (the git adapter of gov-adapters) and the
 * system clock, unless {@link #now()} fixes it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AnalyzeRepository {

    /** The root of the git repository to check. */
    String path() default ".";

    /** The policy file in the repository; empty: its {@code governance.yml} if there is one, else the defaults. */
    String policy() default "";

    /** Directories of custom {@code .drl} rules in the repository, beside the built-in pack and the policy's {@code ruleDirs}. */
    String[] rules() default {};

    /**
     * The instant the check runs at, ISO-8601 ({@code "2026-11-10T00:00:00Z"}); empty: the system clock. A
     * fixed instant keeps time windows (hotspots within 7 days, the 90 days reported) where the test put them.
     */
    String now() default "";

    /**
     * Computes the repository root instead of {@link #path()}, for repositories built by the test (in a
     * temporary directory, say). Needs a public no-argument constructor.
     */
    Class<? extends Location> location() default Location.class;

    /**
     * Where a repository is, decided when the class is run.
     *
     * <pre>{@code
     * public static final class TempRepo implements AnalyzeRepository.Location {
     *     public Path repository(Class<?> testClass) { return ExampleRepos.clean(); }
     * }
     * }</pre>
     */
    interface Location {
        /** The root of the repository to check for {@code testClass}. */
        Path repository(Class<?> testClass);
    }
}
