package dev.governor.test;

import dev.governor.api.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The store of a frozen rule ({@link GovRules#freeze}), in the one baseline format of {@link dev.governor.Baseline}
 * (the file {@code gov check --baseline} reads): the violations it accepted. As in ArchUnit's
 * {@code FreezingArchRule}, a missing store is a failure, not an empty one: recording takes the explicit switch
 * {@value #RECORD_PROPERTY}{@code =true}, so that a CI run can never pass by writing its own baseline. Fixed
 * violations are dropped from the file as they go, so a baseline only shrinks.
 */
final class Baseline {
    /** The system property that lets a frozen rule record (or re-record) its baseline from today's violations. */
    static final String RECORD_PROPERTY = "governor.freeze.record";

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private Baseline() {
    }

    /**
     * What a frozen rule makes of today's violations.
     *
     * @param fresh   the violations not in the baseline (what the rule fails on)
     * @param failure why the rule fails whatever the violations are (no baseline yet), or {@code null}
     */
    record Outcome(List<Finding> fresh, String failure) {
    }

    /** The file of a rule in {@code dir}: its description with anything but letters, digits, '.', '_', '-' as '-'. */
    static Path file(Path dir, String description) {
        String name = UNSAFE.matcher(description).replaceAll("-").replaceAll("^-+|-+$", "");
        return dir.resolve((name.isEmpty() ? "rule" : name) + ".txt");
    }

    /**
     * Matches today's violations against the baseline in {@code file}: the ones not in it are fresh, and the
     * entries no violation matches any more (fixed) are dropped from the file. With {@value #RECORD_PROPERTY}
     * set, today's violations are written as the baseline instead, and none is fresh.
     *
     * @throws dev.governor.api.GovernanceException when the file has a line that is no baseline entry
     */
    static Outcome apply(Path file, String description, List<Finding> violations) {
        if (Boolean.getBoolean(RECORD_PROPERTY)) {
            dev.governor.Baseline.of(violations).write(file);
            return new Outcome(List.of(), null);
        }
        if (!Files.exists(file)) {
            int n = violations.size();
            return new Outcome(violations, "Rule '" + description + "' is frozen, but its baseline " + file
                    + " does not exist, so it cannot tell accepted violations from new ones (" + n
                    + (n == 1 ? " violation" : " violations") + " today): record the baseline once with -D"
                    + RECORD_PROPERTY + "=true and commit the file");
        }
        dev.governor.Baseline accepted = dev.governor.Baseline.read(file);
        List<Finding> fresh = new ArrayList<>();
        List<Finding> known = new ArrayList<>();
        for (Finding f : violations) {
            (accepted.contains(f) ? known : fresh).add(f);
        }
        if (!accepted.staleAgainst(violations).isEmpty()) {
            // rewritten from today's findings, so lines of older files gain their rule and subject on the way
            dev.governor.Baseline.of(known).write(file);
        }
        return new Outcome(fresh, null);
    }
}
