package dev.governor.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test of a class annotated {@link AnalyzeRepository}, run by the Governor test engine against the
 * class's one check of its repository, each reported as a test of its own (as ArchUnit's {@code @ArchTest}):
 * a {@code static} {@link GovRule} field, checked against the report; or a method taking the
 * {@link dev.governor.Report} and/or the {@link dev.governor.Governor} of the class, which asserts what it
 * likes (static, or on a new instance of the class).
 *
 * <pre>{@code
 * @GovTest
 * static final GovRule noHotspots = GovRules.noFindings("intent.tactical-hotspot");
 *
 * @GovTest
 * void paymentCodeIsNotAHotspot(Report report) {
 *     GovRules.findings().that().touch("src/pay/**").should().beEmpty().check(report);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface GovTest {
}
