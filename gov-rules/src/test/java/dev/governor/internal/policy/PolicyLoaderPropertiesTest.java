package dev.governor.internal.policy;

import dev.governor.api.Durations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.api.GovernanceException;
import dev.governor.api.Policy;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PolicyLoaderPropertiesTest {

    @Property(tries = 500)
    void arbitrary_text_gives_a_policy_or_a_governance_exception(@ForAll String text) {
        assertParsesOrFailsClosed(text);
    }

    @Property(tries = 1000)
    void yaml_shaped_text_gives_a_policy_or_a_governance_exception(@ForAll("yamlish") String text) {
        assertParsesOrFailsClosed(text);
    }

    @Property(tries = 300)
    void any_text_accepted_as_a_duration_is_positive(@ForAll("durations") String text) {
        try {
            assertThat(Durations.parse(text)).isPositive();
        } catch (IllegalArgumentException expected) {
            assertThat(expected).hasMessageStartingWith("bad duration '" + text + "': ");
        }
    }

    private static void assertParsesOrFailsClosed(String text) {
        try {
            Policy policy = PolicyLoaderTest.parse(text);
            assertThat(policy.source()).isEqualTo("governance.yml");
        } catch (GovernanceException e) {
            assertThat(e.source()).isEqualTo("governance.yml");
            assertThat(e.line()).isBetween(0, text.split("\n", -1).length + 1);
        }
    }

    /** Fragments of real policies, so most tries get past the scanner and into the schema checks. */
    @Provide
    Arbitrary<String> yamlish() {
        Arbitrary<String> fragment = Arbitraries.of("branch", "services", "intent", "hotspot", "release", "learning",
                "layers", "adr", "contracts", "rules", "ruleDirs", "since", "count", "window", "scope", "severity",
                "enabled", "registry", "dirs", "requiredGates", "minSamples", "minRelativeChange",
                "inferFromConventionalCommits", "independentReviewFrom", "intent.risk-missing", ": ", ":", "\n",
                "\n  ", "\n    ", "- ", "[", "]", "{", "}", ", ", "&a ", "*a", "<<", "!!str ", "!x ", "'", "\"",
                "#", "---\n", "7d", "P7D", "3", "0", "-1", "1e9", "true", "yes", "~", "null", "release", "info",
                "file", "2026-01-01", "high", "..", "/abs", "?", "|", ">", "\t", "%YAML 1.1\n");
        return fragment.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> durations() {
        Arbitrary<String> shortForm = Arbitraries.strings().withChars("0123456789dhwmPTDHMSWY-.").ofMaxLength(12);
        return Arbitraries.oneOf(shortForm, Arbitraries.strings().ofMaxLength(12));
    }
}
