package com.example.readme;

import dev.governor.test.AnalyzeRepository;
import dev.governor.test.GovRule;
import dev.governor.test.GovRules;
import dev.governor.test.GovTest;

/** README, "In unit tests, ArchUnit-style". */
@AnalyzeRepository(path = ".", policy = "governance.yml")
class GovernanceTest {
    @GovTest
    static final GovRule noHotspots = GovRules.noFindings("intent.tactical-hotspot")
        .because("three quick fixes to one file in a week call for a strategic fix");
}
