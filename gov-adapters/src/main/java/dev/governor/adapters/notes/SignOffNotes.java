package dev.governor.adapters.notes;

import dev.governor.api.FactContext;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;

/**
 * The sign-offs recorded under {@code refs/notes/governance}, as {@link dev.governor.api.SignOff} facts
 * ({@code PASSED} or {@code FAILED}): what later sign-offs take their range from and what
 * {@code release.unsigned-deployment} looks for. Found through {@link java.util.ServiceLoader}; with no
 * repository in the context it has nothing to say.
 */
public final class SignOffNotes implements FactSource {

    @Override
    public Facts read(FactContext context) {
        if (context.repository() == null) {
            return Facts.empty();
        }
        Facts.Builder facts = Facts.builder();
        GovernanceNotes.read(context.repository()).forEach(facts::signOff);
        return facts.build();
    }
}
