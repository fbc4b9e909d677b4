package dev.governor.examples;

import dev.governor.test.AnalyzeRepository;
import dev.governor.test.GovRule;
import dev.governor.test.GovRules;
import dev.governor.test.GovTest;

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

}
