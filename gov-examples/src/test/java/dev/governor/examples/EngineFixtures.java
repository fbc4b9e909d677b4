package dev.governor.examples;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.api.Layer;
import dev.governor.test.AnalyzeRepository;
import dev.governor.test.GovRule;
import dev.governor.test.GovRules;
import dev.governor.test.GovTest;
import java.time.Instant;

/**
 * Classes for {@link GovTestEngineTest} to run the Governor test engine on; some fail on purpose. The
 * outer name does not end in "Test", so build tools do not run them on their own.
 */
final class EngineFixtures {
    private EngineFixtures() {
    }

    @AnalyzeRepository(location = ExampleRepositories.Tidy.class)
    static final class Fixture {
        @GovTest
        static final GovRule holds = GovRules.noBlockingFindings().allowEmptyShould(true);

        @GovTest
        static final GovRule misspelt = GovRules.noFindings("intent.tactical-hotpsot");

        @GovTest
        final GovRule notStatic = GovRules.noBlockingFindings();

        static final GovRule notAnnotated = GovRules.noFindings("no.such-rule");
    }

    @AnalyzeRepository(path = "target/no-such-repository")
    static final class MissingRepository {
        @GovTest
        static final GovRule holds = GovRules.noBlockingFindings();
    }

    /** Methods as tests, ArchUnit's {@code @ArchTest} methods: given the class's report and governor. */
    @AnalyzeRepository(location = ExampleRepositories.Tidy.class, now = "2030-01-01T00:00:00Z")
    static final class Methods {
        @GovTest
        static void staticWithReport(Report report) {
            if (!report.evaluatedAt().equals(Instant.parse("2030-01-01T00:00:00Z"))) {
                throw new AssertionError("the check ran at " + report.evaluatedAt());
            }
        }

        @GovTest
        void instanceWithGovernorAndReport(Governor governor, Report report) {
            GovRules.noFindings("intent.tactical-hotspot").check(report);
            GovRules.layer(Layer.CUSTOM).hasNoFindings().check(governor);
        }

        @GovTest
        void unknownParameter(String text) {
        }
    }

    @AnalyzeRepository(location = ExampleRepositories.Tidy.class, now = "next tuesday")
    static final class BadNow {
        @GovTest
        static final GovRule holds = GovRules.noBlockingFindings();
    }

}
