package com.example.spec;

import dev.governor.Governor;
import dev.governor.api.Layer;
import dev.governor.test.AnalyzeRepository;
import dev.governor.test.GovRule;
import dev.governor.test.GovRules;
import dev.governor.test.GovTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** spec/api.md, "In unit tests, ArchUnit-style". */
@AnalyzeRepository(path = ".", policy = "governance.yml")   // JUnit 5, like ArchUnit's @AnalyzeClasses
class GovernanceTest {
    @GovTest
    static final GovRule noHotspots = GovRules.noFindings("intent.tactical-hotspot")
        .because("three quick fixes to one file in a week call for a strategic fix");

    @GovTest
    static final GovRule contractsSafe = GovRules.layer(Layer.CONTRACT).hasNoBlockingFindings();

    @Test
    void releaseIsVerified() {
        GovRules.noBlockingFindings().check(Governor.builder().repository(Path.of(".")).build());
    }
}
