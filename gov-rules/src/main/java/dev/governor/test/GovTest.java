package dev.governor.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code static} {@link GovRule} field of a class annotated {@link AnalyzeRepository}: the
 * Governor test engine checks it against the class's report and reports it as a test of its own.
 *
 * <pre>{@code
 * @GovTest
 * static final GovRule noHotspots = GovRules.noFindings("intent.tactical-hotspot");
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface GovTest {
}
