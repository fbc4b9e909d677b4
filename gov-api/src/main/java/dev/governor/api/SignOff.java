package dev.governor.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Objects;

/**
 * A sign-off of one SHA for one environment: the one being made now ({@link Status#REQUESTED}, which the
 * Release rules decide), or one recorded earlier as evidence under {@code refs/notes/governance}
 * ({@link Status#PASSED} or {@link Status#FAILED}).
 *
 * <pre>{@code
 * SignOff now = SignOff.requested("3f2a9c1d0b7e…", "prod", Instant.parse("2026-11-26T12:00:00Z"), "ada@example.com");
 * now.week();   // "2026-W48": the ISO week whose release blockers apply
 * }</pre>
 *
 * @param sha    the full SHA signed off
 * @param env    the environment ({@code prod}, {@code staging} …)
 * @param at     when it was made
 * @param by     who signs (an e-mail address or login)
 * @param status whether it is being made now, or how a recorded one ended
 */
public record SignOff(String sha, String env, Instant at, String by, Status status) implements Fact {

    /** Whether a sign-off is being made now, or how a recorded one ended. */
    public enum Status {
        /** Being made in this check: the Release rules decide it. */
        REQUESTED,
        /** Recorded with a passing verdict. */
        PASSED,
        /** Recorded with a failing verdict: evidence, but no sign-off. */
        FAILED;

        /** The lower-case name evidence documents use: {@code passed}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SignOff {
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        if (env == null || env.isBlank()) {
            throw new IllegalArgumentException("a sign-off of " + sha + " needs an environment, like prod");
        }
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("a sign-off of " + sha + " needs to say who signs");
        }
    }

    /** The sign-off being made now, for the rules to decide. */
    public static SignOff requested(String sha, String env, Instant at, String by) {
        return new SignOff(sha, env, at, by, Status.REQUESTED);
    }

    /** Whether this is the sign-off being made now. */
    public boolean isRequested() {
        return status == Status.REQUESTED;
    }

    /** Whether this is a recorded sign-off that passed: the SHA is signed off for its environment. */
    public boolean isPassed() {
        return status == Status.PASSED;
    }

    /** Whether {@code shaOrPrefix} (a full SHA, or 7 digits or more of one) names this sign-off's SHA. */
    public boolean covers(String shaOrPrefix) {
        if (shaOrPrefix == null || shaOrPrefix.length() < 7) {
            return false;
        }
        return sha.toLowerCase(Locale.ROOT).startsWith(shaOrPrefix.toLowerCase(Locale.ROOT));
    }

    /** The ISO-8601 week (UTC) it was made in, named as rules.md names weeks: {@code 2026-W48}. */
    public String week() {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return String.format(Locale.ROOT, "%d-W%02d", utc.get(IsoFields.WEEK_BASED_YEAR),
                utc.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** A commit reference with the environment as detail (reports have no sign-off kind of their own). */
    @Override
    public Ref ref() {
        return new Ref(Ref.Kind.COMMIT, sha, at, env);
    }
}
