package dev.governor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.governor.Evaluation;
import dev.governor.Governor;
import dev.governor.Scope;
import dev.governor.api.Change;
import dev.governor.api.Deployment;
import dev.governor.api.Fact;
import dev.governor.api.Facts;
import dev.governor.api.FileChange;
import dev.governor.api.Finding;
import dev.governor.api.GateResult;
import dev.governor.api.Layer;
import dev.governor.api.Policy;
import dev.governor.api.Ref;
import dev.governor.api.Review;
import dev.governor.api.Risk;
import dev.governor.api.Severity;
import dev.governor.api.SignOff;
import dev.governor.api.policy.ReleasePolicy;
import dev.governor.pack.Derivation;
import dev.governor.pack.Pack;
import dev.governor.packs.release.Identity;
import dev.governor.packs.release.ReleasePack;
import dev.governor.packs.release.ReleaseRange;
import dev.governor.packs.release.SignOffEvidence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Release rules on facts built in memory: each predicate of a sign-off, and the rules that need none. */
class ReleaseRulesTest {
    static final Instant T0 = Instant.parse("2026-11-16T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z"); // a Thursday of 2026-W48
    static final String ADA = "ada@example.com";

    final List<Fact> facts = new ArrayList<>();
    Policy policy = Policy.defaults();
    final List<Pack> packs = new ArrayList<>();

    /** Change #n, its SHA n repeated, merged n days after T0, at branch position n-1. */
    Change change(int n, String type, String risk, String author, String... trailers) {
        Change.Builder b = Change.builder("#" + n).sha(sha(n)).mergedAt(T0.plus(Duration.ofDays(n))).position(n - 1)
                .author(author).declaredType(type).risk(risk).file(FileChange.modified("src/pay/Ledger.java"))
                // the four template fields, so that the Change layer has nothing to say unless a test wants it to
                .field("intent", "keep the ledger right").field("blast-radius", "the ledger")
                .field("verification", "unit tests").field("rollback", "revert");
        for (int i = 0; i < trailers.length; i += 2) {
            b.trailer(trailers[i], trailers[i + 1]);
        }
        Change c = b.build();
        facts.add(c);
        return c;
    }

    static String sha(int n) {
        return String.valueOf((char) ('a' + n % 6)).repeat(40).substring(0, 39) + n % 10;
    }

    SignOff signOff(int n) {
        SignOff s = SignOff.requested(sha(n), "prod", NOW, "bob@example.com");
        facts.add(s);
        return s;
    }

    void gates(int n, String... names) {
        for (String name : names) {
            facts.add(new GateResult(name, sha(n), true, null, name + ".xml", "JUnit: 3 tests, 0 failures, 0 errors"));
        }
    }

    SignOffEvidence evidence(SignOff s) {
        Governor.Builder b = Governor.builder().facts(Facts.builder().addAll(facts).build()).policy(policy)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).withoutServiceLoadedSources();
        packs.forEach(b::pack);
        Governor governor = b.build();
        Evaluation run = governor.evaluate(Scope.all(), ReleasePack.RANGES, ReleasePack.GATES);
        return SignOffEvidence.of(s, run.report().findings(), run.view(ReleasePack.RANGES), run.view(ReleasePack.GATES),
                governor.policy(), "governor test");
    }

    List<Finding> check() {
        return Governor.builder().facts(Facts.builder().addAll(facts).build()).policy(policy)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).withoutServiceLoadedSources().build().check().findings()
                .stream().filter(f -> f.layer() == Layer.RELEASE).toList();
    }

    static List<SignOffEvidence.Status> statuses(SignOffEvidence e) {
        return e.predicates().stream().map(SignOffEvidence.Predicate::status).toList();
    }

    @Test
    void with_all_five_gates_passing_and_nothing_blocking_the_sign_off_passes() {
        change(1, "feature", "low", ADA);
        change(2, "feature", "low", "carol@example.com");
        gates(2, "lint", "typecheck", "security-scan");

        SignOffEvidence e = evidence(signOff(2));

        assertThat(e.passed()).isTrue();
        assertThat(e.findings()).isEmpty();
        assertThat(e.predicates()).extracting(SignOffEvidence.Predicate::name, SignOffEvidence.Predicate::status)
                .containsExactly(
                        tuple("gate lint", SignOffEvidence.Status.PASSED),
                        tuple("gate typecheck", SignOffEvidence.Status.PASSED),
                        tuple("gate contract-diff", SignOffEvidence.Status.PASSED),
                        tuple("gate version-bump", SignOffEvidence.Status.PASSED),
                        tuple("gate security-scan", SignOffEvidence.Status.PASSED),
                        tuple("no blocking finding of another layer in the range", SignOffEvidence.Status.PASSED),
                        tuple("no learning release blocker this week", SignOffEvidence.Status.PASSED),
                        tuple("independent review where risk demands it", SignOffEvidence.Status.PASSED),
                        tuple("a second person in the audit trail", SignOffEvidence.Status.PASSED));
        assertThat(e.predicates().get(2).evidence()).containsExactly("computed from the contract layer: no blocking"
                + " contract.* (other than version-not-bumped) finding in #1, #2 (governor (contract layer))");
        assertThat(e.toMarkdown()).startsWith("### ✅ Signed off: `" + sha(2).substring(0, 12) + "` for `prod`\n\n"
                + "All 9 predicates hold · by bob@example.com at 2026-11-26T12:00:00Z · 2 changes (no earlier sign-off"
                + " for prod)\n\n| | predicate | evidence |\n| --- | --- | --- |\n"
                + "| ✅ | gate lint | JUnit: 3 tests, 0 failures, 0 errors (lint.xml) |\n");
    }

    @Test
    void a_missing_gate_fails_the_sign_off_with_that_predicate_marked() {
        change(1, "feature", "low", ADA);
        gates(1, "lint", "typecheck");

        SignOffEvidence e = evidence(signOff(1));

        assertThat(e.passed()).isFalse();
        assertThat(e.findings()).extracting(Finding::ruleId, f -> f.subject().id())
                .containsExactly(tuple("release.gate-missing", "security-scan"));
        assertThat(e.findings().get(0).message()).isEqualTo("required gate 'security-scan' has no result for "
                + sha(1).substring(0, 12) + " (being signed off for prod): give the sign-off a result file"
                + " for it (a gate file named security-scan, or one in .gov/gates/" + sha(1).substring(0, 12) + "/)");
        assertThat(e.predicates().get(4).status()).isEqualTo(SignOffEvidence.Status.FAILED);
        assertThat(e.toMarkdown()).startsWith("### ❌ Sign-off failed: `" + sha(1).substring(0, 12) + "` for `prod`\n\n"
                + "1 of 9 predicates failed");
    }

    @Test
    void a_failing_gate_result_fails_the_sign_off() {
        change(1, "feature", "low", ADA);
        gates(1, "lint", "security-scan");
        facts.add(new GateResult("typecheck", sha(1), false, null, "tsc.xml", "JUnit: 4 tests, 1 failure, 0 errors"));

        SignOffEvidence e = evidence(signOff(1));

        assertThat(e.findings()).extracting(Finding::ruleId, Finding::message).containsExactly(tuple(
                "release.gate-failed", "required gate 'typecheck' failed for " + sha(1).substring(0, 12)
                        + ": JUnit: 4 tests, 1 failure, 0 errors (tsc.xml)"));
        assertThat(e.passed()).isFalse();
    }

    @Test
    void a_blocking_finding_of_another_layer_in_the_range_fails_the_sign_off() {
        change(1, "tactical-fix", "low", ADA);
        change(2, "tactical-fix", "low", ADA);
        change(3, "tactical-fix", "low", ADA);
        gates(3, "lint", "typecheck", "security-scan");

        SignOffEvidence e = evidence(signOff(3));

        assertThat(e.findings()).extracting(Finding::ruleId, Finding::subject, Finding::message).containsExactly(tuple(
                "release.unresolved-blocking", Ref.of(Ref.Kind.CHANGE, "#3"), "#3 carries blocking intent.tactical-hotspot"
                        + " (src/pay/Ledger.java) and is in the range released to prod since the governed history began"
                        + " (no earlier sign-off for prod): resolve it before this release"));
        assertThat(e.passed()).isFalse();
    }

    @Test
    void the_range_starts_after_the_last_sha_signed_off_for_the_same_environment() {
        change(1, "tactical-fix", "low", ADA);
        change(2, "tactical-fix", "low", ADA);
        change(3, "tactical-fix", "low", ADA);
        change(4, "feature", "low", ADA);
        facts.add(new SignOff(sha(3), "prod", T0.plus(Duration.ofDays(3)), "bob", SignOff.Status.PASSED));
        facts.add(new SignOff(sha(1), "staging", T0.plus(Duration.ofDays(1)), "bob", SignOff.Status.PASSED));
        gates(4, "lint", "typecheck", "security-scan");

        SignOffEvidence e = evidence(signOff(4));

        assertThat(e.range().since()).isEqualTo(sha(3));
        assertThat(e.range().changes()).extracting(Change::id).containsExactly("#4");
        assertThat(e.passed()).isTrue();
    }

    @Test
    void a_failed_sign_off_does_not_move_the_start_of_the_range() {
        change(1, "feature", "low", ADA);
        change(2, "feature", "low", ADA);
        facts.add(new SignOff(sha(1), "prod", T0.plus(Duration.ofDays(1)), "bob", SignOff.Status.FAILED));
        gates(2, "lint", "typecheck", "security-scan");

        assertThat(evidence(signOff(2)).range().changes()).extracting(Change::id).containsExactly("#1", "#2");
    }

    /** A stand-in for the Learning pack's side of the contract: its finding, as that pack will insert it. */
    static Pack learningBlocker(String week) {
        return new Pack() {
            @Override
            public String id() {
                return "learning-stand-in";
            }

            @Override
            public List<String> rules() {
                return List.of();
            }

            @Override
            public void derive(Derivation d) {
                Instant monday = Instant.parse("2026-11-23T00:00:00Z");
                d.insert(new Finding("learning.release-blocker", Layer.LEARNING, Severity.BLOCKING,
                        new Ref(Ref.Kind.WEEK, week, monday, "change-failure-rate"), null,
                        "change-failure-rate degraded in 2026-W46 and 2026-W47", monday,
                        List.of(Ref.of(Ref.Kind.METRIC, "change-failure-rate"), Ref.of(Ref.Kind.WEEK, "2026-W46"),
                                Ref.of(Ref.Kind.WEEK, "2026-W47"))));
            }
        };
    }

    @Test
    void a_learning_release_blocker_of_the_sign_off_week_blocks_it() {
        change(1, "feature", "low", ADA);
        gates(1, "lint", "typecheck", "security-scan");
        packs.add(learningBlocker("2026-W48"));

        SignOffEvidence e = evidence(signOff(1));

        assertThat(e.findings()).extracting(Finding::ruleId, Finding::message).containsExactly(tuple(
                "release.learning-blocker", "a learning release blocker is active in 2026-W48 (change-failure-rate"
                        + " degraded in 2026-W46 and 2026-W47): no release to prod this week"));
        assertThat(e.passed()).isFalse();
    }

    @Test
    void a_learning_release_blocker_of_another_week_does_not() {
        change(1, "feature", "low", ADA);
        gates(1, "lint", "typecheck", "security-scan");
        packs.add(learningBlocker("2026-W49"));

        assertThat(evidence(signOff(1)).passed()).isTrue();
    }

    @Test
    void without_the_contract_layer_the_contract_gates_are_missing_and_say_how_to_get_them() {
        policy = Policy.builder().layers(Set.of("release")).build();
        change(1, "feature", "low", ADA);
        gates(1, "lint", "typecheck", "security-scan");

        SignOffEvidence e = evidence(signOff(1));

        assertThat(e.findings()).extracting(f -> f.subject().id()).containsExactly("contract-diff", "version-bump");
        assertThat(e.findings().get(0).message()).endsWith(": it is computed from the contract layer, which is not in"
                + " force; add contract to layers in governance.yml, give the sign-off a result file for it, or drop it"
                + " from release.requiredGates");
    }

    @Test
    void a_high_risk_change_needs_an_approval_from_someone_other_than_its_author() {
        change(1, "feature", "high", ADA);
        change(2, "feature", "high", ADA);
        change(3, "feature", "critical", ADA, "Reviewed-by", "Carol <carol@example.com>");
        change(4, "feature", "high", ADA, "Reviewed-by", "Ada <ADA@example.com>");
        change(5, "feature", "medium", ADA);
        facts.add(new Review("#1", "bob", "APPROVED", null, null, T0));
        facts.add(new Review("#2", "bob", "COMMENTED", null, null, T0));

        assertThat(check()).extracting(Finding::ruleId, Finding::change)
                .containsExactly(tuple("release.unreviewed-high-risk", "#2"), tuple("release.unreviewed-high-risk", "#4"));
        assertThat(check().get(0).message()).isEqualTo("#2 declares risk high (independent review from high) but has no"
                + " APPROVED review or Reviewed-by trailer from someone other than its author (ada@example.com)");
    }

    @Test
    void independent_review_starts_at_the_level_the_policy_sets() {
        policy = Policy.builder().section(ReleasePolicy.SECTION, new ReleasePolicy(List.of("lint"), Risk.MEDIUM)).build();
        change(1, "feature", "medium", ADA);
        change(2, "feature", "low", ADA);

        assertThat(check()).extracting(Finding::change).containsExactly("#1");
    }

    @Test
    void a_sign_off_by_the_only_person_in_the_range_is_a_self_sign_off() {
        change(1, "feature", "low", ADA);
        change(2, "feature", "low", ADA);
        gates(2, "lint", "typecheck", "security-scan");
        SignOff byAda = SignOff.requested(sha(2), "prod", NOW, "Ada <ada@example.com>");
        facts.add(byAda);

        SignOffEvidence self = evidence(byAda);

        assertThat(self.findings()).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(tuple("release.self-signoff", Severity.WARNING));
        assertThat(self.passed()).isTrue();
        assertThat(self.findings().get(0).message()).isEqualTo("Ada <ada@example.com> signs off "
                + sha(2).substring(0, 12) + " for prod and is the only person in the audit trail of #1, #2 (no other"
                + " author, reviewer or Reviewed-by): a second person should review or sign off");
    }

    @Test
    void one_person_is_told_apart_by_e_mail_or_login_as_github_names_them() {
        assertThat(Identity.same("12345+Ada@users.noreply.github.com", "ada")).isTrue();
        assertThat(Identity.same("Ada Lovelace <ADA@example.com>", "ada@example.com")).isTrue();
        assertThat(Identity.same("ada@example.com", "ada")).isFalse();
        assertThat(Identity.same(null, null)).isFalse();
    }

    @Test
    void a_reviewer_anywhere_in_the_range_is_a_second_person() {
        change(1, "feature", "low", ADA);
        change(2, "feature", "low", ADA);
        facts.add(new Review("#1", "bob", "COMMENTED", null, null, T0));
        gates(2, "lint", "typecheck", "security-scan");
        SignOff byAda = SignOff.requested(sha(2), "prod", NOW, ADA);
        facts.add(byAda);

        assertThat(evidence(byAda).findings()).isEmpty();
    }

    @Test
    void a_deployment_without_passing_sign_off_evidence_for_its_sha_and_environment_is_unsigned() {
        change(1, "feature", "low", ADA);
        facts.add(new Deployment("d-1", sha(1).substring(0, 12), "prod", NOW, Deployment.Status.SUCCESS));
        facts.add(new Deployment("d-2", sha(1), "staging", NOW, Deployment.Status.SUCCESS));
        facts.add(new Deployment("d-3", sha(1), "qa", NOW, Deployment.Status.SUCCESS));
        facts.add(new SignOff(sha(1), "prod", T0, "bob", SignOff.Status.PASSED));
        facts.add(new SignOff(sha(1), "qa", T0, "bob", SignOff.Status.FAILED));

        List<Finding> found = check();

        assertThat(found).extracting(Finding::ruleId, f -> f.subject().id(), Finding::severity).containsExactly(
                tuple("release.unsigned-deployment", "d-2", Severity.WARNING),
                tuple("release.unsigned-deployment", "d-3", Severity.WARNING));
        assertThat(found.get(0).message()).isEqualTo("deployment d-2 of " + sha(1).substring(0, 12) + " to staging has"
                + " no passing sign-off evidence for that SHA and environment in refs/notes/governance: sign off "
                + sha(1).substring(0, 12) + " for staging and record the evidence (gov sign-off) before deploying");
    }

    @Test
    void a_rule_the_policy_turns_off_blocks_no_release() {
        policy = Policy.builder().rule("intent.tactical-hotspot", Policy.RuleSetting.OFF).build();
        change(1, "tactical-fix", "low", ADA);
        change(2, "tactical-fix", "low", ADA);
        change(3, "tactical-fix", "low", ADA);
        gates(3, "lint", "typecheck", "security-scan");

        SignOffEvidence e = evidence(signOff(3));

        assertThat(e.passed()).isTrue();
        assertThat(statuses(e)).containsOnly(SignOffEvidence.Status.PASSED);
    }

    @Test
    void a_range_is_derived_for_the_sign_off_being_made() {
        change(1, "feature", "low", ADA);
        SignOff s = signOff(1);
        gates(1, "lint", "typecheck", "security-scan");

        ReleaseRange range = evidence(s).range();

        assertThat(range.target().id()).isEqualTo("#1");
        assertThat(range.people()).containsExactly(ADA);
    }
}
