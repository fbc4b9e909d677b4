package dev.governor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.governor.test.GovTestEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.jupiter.api.Test;

/**
 * Runs the Governor test engine on fixture classes, as a build tool would, and looks at what it reports.
 * The fixtures are in {@link EngineFixtures}, whose name keeps Surefire from running them by themselves.
 */
class GovTestEngineTest {

    /** Finished tests and containers of the governor engine: "name: SUCCESSFUL" or "name: FAILED message". */
    static List<String> run(Class<?> fixture) {
        return run(selectClass(fixture));
    }

    static List<String> run(DiscoverySelector selector) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selector)
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines(GovTestEngine.ID))
                .build();
        List<String> finished = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                Optional<Throwable> thrown = result.getThrowable();
                finished.add(id.getDisplayName() + ": " + result.getStatus()
                        + thrown.map(t -> " " + t.getMessage()).orElse(""));
            }
        });
        return finished;
    }

    @Test
    void each_gov_test_field_is_reported_as_a_test_of_its_own() {
        assertThat(run(EngineFixtures.Fixture.class)).containsExactly(
                "holds: SUCCESSFUL",
                "misspelt: FAILED Rule 'intent.tactical-hotpsot' names no loaded rule (did you mean "
                        + "'intent.tactical-hotspot'?), so it would pass whatever happens: fix the rule id, or allow "
                        + "it with .allowEmptyShould(true)",
                "notStatic: FAILED @GovTest field Fixture.notStatic must be a static GovRule, like: "
                        + "@GovTest static final GovRule notStatic = GovRules.noBlockingFindings();",
                "Fixture: SUCCESSFUL",
                "Governor: SUCCESSFUL");
    }

    @Test
    void a_repository_that_cannot_be_analysed_fails_its_class_once() {
        assertThat(run(EngineFixtures.MissingRepository.class)).containsExactly(
                "MissingRepository: FAILED target/no-such-repository: not a directory: give the root of a git "
                        + "repository",
                "Governor: SUCCESSFUL");
    }

    @Test
    void gov_test_methods_get_the_report_and_governor_of_their_class_checked_at_its_instant() {
        assertThat(run(EngineFixtures.Methods.class)).containsExactly(
                "instanceWithGovernorAndReport: FAILED Rule 'no findings in layer custom' cannot be violated: no rule "
                        + "in force reports in layer custom, so it would pass whatever happens: load the rules of that "
                        + "layer (custom rule files, or a pack of your own), or turn them on in governance.yml, or "
                        + "allow it with .allowEmptyShould(true)",
                "staticWithReport: SUCCESSFUL",
                "unknownParameter: FAILED @GovTest method Methods.unknownParameter may take a Report and a Governor, "
                        + "not a String, like: @GovTest void unknownParameter(Report report) { "
                        + "GovRules.noBlockingFindings().check(report); }",
                "Methods: SUCCESSFUL",
                "Governor: SUCCESSFUL");
    }

    @Test
    void an_instant_that_does_not_parse_fails_the_class_once() {
        assertThat(run(EngineFixtures.BadNow.class)).containsExactly(
                "BadNow: FAILED @AnalyzeRepository(now = \"next tuesday\") on BadNow is not an instant: write it as "
                        + "2026-11-10T00:00:00Z",
                "Governor: SUCCESSFUL");
    }

    @Test
    void rerunning_one_field_by_its_unique_id_checks_its_whole_class() {
        UniqueId field = UniqueId.forEngine(GovTestEngine.ID)
                .append("class", EngineFixtures.Fixture.class.getName()).append("field", "holds");

        assertThat(run(selectUniqueId(field))).hasSize(5).contains("holds: SUCCESSFUL", "Fixture: SUCCESSFUL");
    }

    @Test
    void classes_without_the_annotation_are_left_to_other_engines() {
        assertThat(run(GovTestEngineTest.class)).containsExactly("Governor: SUCCESSFUL");
    }
}
