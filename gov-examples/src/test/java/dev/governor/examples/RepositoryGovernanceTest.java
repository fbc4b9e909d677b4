package dev.governor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Governor;
import dev.governor.api.Layer;
import dev.governor.test.AnalyzeRepository;
import dev.governor.test.GovRule;
import dev.governor.test.GovRules;
import dev.governor.test.GovTest;
import org.junit.jupiter.api.Test;

/**
 * Governance as unit tests of a repository, as a team would write them for its own: each
 * {@code @GovTest} field is a test of its own, checked against one analysis of the repository. A team
 * writes {@code @AnalyzeRepository(path = ".", policy = "governance.yml")}; this example analyses a
 * repository it builds, through {@code location}.
 */
@AnalyzeRepository(location = ExampleRepositories.Tidy.class, policy = "governance.yml", rules = "governance/rules")
class RepositoryGovernanceTest {

    @GovTest
    static final GovRule noHotspots = GovRules.noFindings("intent.tactical-hotspot")
            .because("three quick fixes to one file in a week call for a strategic fix");

    @GovTest
    static final GovRule intentIsDeclared = GovRules.layer(Layer.INTENT).hasNoFindings()
            .because("every change says why it is made and how risky it is");

    @GovTest
    static final GovRule nothingBlocks = GovRules.noBlockingFindings();

    /** A custom rule from the repository's own rule directory: known, so not an "unknown rule id". */
    @GovTest
    static final GovRule noFridayDeploys = GovRules.noFindings("ci.no-friday-deploys");

    @Test
    void a_plain_test_method_can_check_a_governor_of_its_own() {
        Governor governor = Governor.builder().repository(ExampleRepositories.tidy()).build();

        GovRules.noBlockingFindings().check(governor);
        assertThat(governor.check().factCounts()).containsEntry("changes", 4);
    }
}
