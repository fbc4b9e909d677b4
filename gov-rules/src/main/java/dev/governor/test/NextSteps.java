package dev.governor.test;

import dev.governor.api.Finding;
import java.util.Map;

/**
 * What to do about a finding, for the {@code next:} line of a failed {@link GovRule}: one action per
 * built-in rule (with {@code {subject}} filled in), and a generic one for custom rules, whose authors
 * put the action into the finding's message.
 */
final class NextSteps {
    private NextSteps() {
    }

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("intent.tag-missing", "add a 'Change-Type:' trailer (tactical-fix, strategic-fix, feature, "
                    + "tech-debt or compliance) to {subject}"),
            Map.entry("intent.tag-unknown", "declare one of tactical-fix, strategic-fix, feature, tech-debt, "
                    + "compliance on {subject}"),
            Map.entry("intent.risk-missing", "add 'Risk: low|medium|high|critical' to {subject}"),
            Map.entry("intent.tactical-hotspot", "merge a change with Change-Type: strategic-fix touching {subject}"),
            Map.entry("intent.strategic-fix-required", "merge a change with Change-Type: strategic-fix touching "
                    + "{subject} before more tactical fixes"),
            Map.entry("contract.declaration-missing", "declare 'Contract-Change: breaking|non-breaking' on the "
                    + "change to {subject}"),
            Map.entry("contract.undeclared-breaking", "declare 'Contract-Change: breaking' and bump the major "
                    + "version of {subject}, or make the change compatible"),
            Map.entry("contract.overdeclared", "declare 'Contract-Change: non-breaking' for {subject}"),
            Map.entry("contract.version-not-bumped", "increase the version of {subject}"),
            Map.entry("contract.rollout-plan-missing", "add a 'Rollout:' plan for the consumers of {subject}"),
            Map.entry("contract.codegen-drift", "regenerate the code of {subject} in the same change"),
            Map.entry("contract.unregistered-spec", "register {subject} in the contract registry"),
            Map.entry("contract.invalid-spec", "fix {subject} so that it parses"),
            Map.entry("change.template-field-missing", "fill in {subject} in the change template"),
            Map.entry("change.adr-required", "add or update an ADR in {subject}, or name one with an 'ADR:' trailer"),
            Map.entry("change.adr-incomplete", "give {subject} a title, a decision and a reason"),
            Map.entry("change.adr-dangling-supersede", "point the supersede of {subject} at an existing ADR"),
            Map.entry("change.boundary-regression", "move {subject} back behind the boundary its ADR drew, or "
                    + "supersede that ADR"),
            Map.entry("release.gate-missing", "record a result of gate {subject} for the SHA being signed off"),
            Map.entry("release.gate-failed", "make gate {subject} pass for the SHA being signed off"),
            Map.entry("release.unresolved-blocking", "resolve the blocking findings of {subject} before the release"),
            Map.entry("release.learning-blocker", "bring the degraded metric back before releasing in {subject}"),
            Map.entry("release.unsigned-deployment", "record sign-off evidence for {subject}"),
            Map.entry("release.unreviewed-high-risk", "get an independent review of {subject} (an APPROVED review "
                    + "or a 'Reviewed-by:' trailer from someone else)"),
            Map.entry("release.self-signoff", "have a second person sign off {subject}"),
            Map.entry("learning.metric-degraded", "look into what made {subject} worse than the week before"),
            Map.entry("learning.release-blocker", "bring {subject} back: releases are blocked until it recovers"));

    /** The action for one finding, without the freeze hint. */
    static String action(Finding finding) {
        String subject = finding.subject().id();
        String template = ACTIONS.get(finding.ruleId());
        if (template != null) {
            return template.replace("{subject}", subject);
        }
        return "resolve what the finding on " + subject + " reports ('gov explain " + finding.ruleId()
                + "' says what the rule checks)";
    }
}
