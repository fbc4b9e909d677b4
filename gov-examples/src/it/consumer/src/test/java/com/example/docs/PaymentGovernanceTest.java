package com.example.docs;

import dev.governor.Report;
import dev.governor.test.AnalyzeRepository;
import dev.governor.test.GovRule;
import dev.governor.test.GovRules;
import dev.governor.test.GovTest;

/** docs/api.md, "A repository as a test class". */
@AnalyzeRepository(path = ".", policy = "governance.yml", now = "2026-11-10T00:00:00Z")
class PaymentGovernanceTest {
    @GovTest
    static final GovRule noNewHotspots = GovRules.freeze(GovRules.noFindings("intent.tactical-hotspot"));

    @GovTest
    void paymentsHaveNoBlockingFindings(Report report) {
        GovRules.findings().that().touch("**/pay/**").should().notBeBlocking().check(report);
    }
}
