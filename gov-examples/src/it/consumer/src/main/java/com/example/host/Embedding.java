package com.example.host;

import dev.governor.Governor;
import dev.governor.Report;
import dev.governor.Scope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The embedding snippets of the README and of spec/api.md, as a host tool writes them. */
public final class Embedding {

    private Embedding() {
    }

    /** README, "Embedding". */
    public static Report readme() {
        Governor governor = Governor.builder()
            .repository(Path.of("."))                 // JGit history + files in the repo (gov-adapters)
            .rules(Path.of("governance/rules"))       // optional custom .drl files
            .build();                                 // bad policy or rule file: GovernanceException (file, line)
        Report report = governor.check();
        report.blocking().forEach(f -> System.out.println(f.ruleId() + " " + f.subject().id()));
        return report;
    }

    /** spec/api.md, "Embedding: a host tool runs the rules"; returns the two reports. */
    public static Report[] spec(Instant now) {
        Governor governor = Governor.builder()
            .repository(Path.of("."))                 // embedded default: JGit history + files in the repo
            .policy(Path.of("governance.yml"))        // optional: else the repo's governance.yml, else defaults
            .rules(Path.of("governance/rules"))       // optional, repeatable: custom .drl files
            .clock(Clock.fixed(now, ZoneOffset.UTC))  // optional
            .build();                                 // compiles custom rules; bad input throws GovernanceException
        Report report = governor.check();             // every layer in force
        Report one = governor.check(Scope.changes("#42"));
        return new Report[] {report, one};
    }
}
