package dev.governor.packs.release;

import dev.governor.api.Finding;
import dev.governor.api.GateResult;
import dev.governor.api.Ref;
import dev.governor.api.Risk;
import dev.governor.api.SignOff;
import java.util.List;

/**
 * Small helpers the Release rules call: a gate's subject, the gates Governor computes from the contract
 * layer, and the wording of messages. They classify and word; the rules decide.
 */
public final class Release {
    /** The gates computed from the contract layer (rules.md: "computed by Governor itself"). */
    public static final List<String> CONTRACT_GATES = List.of("contract-diff", "version-bump");

    private Release() {
    }

    /** A gate of a SHA, as a finding's subject: the same reference its result has. */
    public static Ref gate(String gate, SignOff signOff) {
        return new Ref(Ref.Kind.GATE, gate, null, signOff.sha());
    }

    /** Whether a declared risk is at or above the level from which independent review is required. */
    public static boolean atLeast(Risk risk, Risk from) {
        return risk != null && risk.compareTo(from) >= 0;
    }

    /** The result of a contract gate, computed from the blocking contract findings of the range. */
    public static GateResult contractGate(String gate, ReleaseRange range, List<Finding> blocking) {
        String what = gate.equals("version-bump") ? "contract.version-not-bumped" : "contract.* (other than version-not-bumped)";
        String detail;
        if (blocking.isEmpty()) {
            detail = "computed from the contract layer: no blocking " + what + " finding in " + range.listed();
        } else {
            List<String> each = blocking.stream().sorted((a, b) -> a.fingerprint().compareTo(b.fingerprint()))
                    .map(f -> f.ruleId() + " on " + f.change() + " (" + f.subject().id() + ")").toList();
            detail = "computed from the contract layer: " + blocking.size() + " blocking finding"
                    + (blocking.size() == 1 ? "" : "s") + " in the range: " + String.join("; ", each);
        }
        return new GateResult(gate, range.signOff().sha(), blocking.isEmpty(), null, "governor (contract layer)", detail);
    }

    /** What to do about a missing gate: computed ones need their layer, others a result file. */
    public static String missing(String gate, SignOff signOff, boolean contractLayer) {
        String sha = abbreviate(signOff.sha());
        String head = "required gate '" + gate + "' has no result for " + sha + " (being signed off for "
                + signOff.env() + "): ";
        if (CONTRACT_GATES.contains(gate) && !contractLayer) {
            return head + "it is computed from the contract layer, which is not in force; add contract to layers in"
                    + " governance.yml, give the sign-off a result file for it, or drop it from release.requiredGates";
        }
        return head + "give the sign-off a result file for it (a gate file named " + gate + ", or one in .gov/gates/"
                + sha + "/)";
    }

    /** A failed gate's message: what the result says, and where it came from. */
    public static String failed(GateResult result, SignOff signOff) {
        return "required gate '" + result.gate() + "' failed for " + abbreviate(signOff.sha()) + ": "
                + (result.detail() == null ? "the result says fail" : result.detail())
                + (result.source() == null ? "" : " (" + result.source() + ")")
                + (result.url() == null ? "" : " " + result.url());
    }

    /** A blocking finding of another layer in the range, in words. */
    public static String unresolved(Finding finding, ReleaseRange range) {
        return finding.change() + " carries blocking " + finding.ruleId() + " (" + finding.subject().id()
                + ") and is in the range released to " + range.signOff().env() + " " + range.from()
                + ": resolve it before this release";
    }

    /** The 12-digit abbreviation messages use. */
    public static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
