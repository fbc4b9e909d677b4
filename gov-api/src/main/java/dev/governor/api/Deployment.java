package dev.governor.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * A recorded deployment of a SHA to an environment.
 *
 * @param id     the deployment's id
 * @param sha    the deployed commit
 * @param env    the environment ({@code prod}, {@code staging} …)
 * @param at     when it happened
 * @param status how it ended
 */
public record Deployment(String id, String sha, String env, Instant at, Status status) implements Fact {

    /** How a deployment ended. */
    public enum Status {
        /** It finished and stayed. */
        SUCCESS,
        /** It did not finish. */
        FAILED,
        /** It finished and was rolled back. */
        ROLLED_BACK;

        /** The status as records write it: {@code "rolled-back"}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Deployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
    }

    /** The UTC day of the week it happened on (custom rules use it: {@code dayOfWeek == DayOfWeek.FRIDAY}). */
    public DayOfWeek dayOfWeek() {
        return at.atZone(ZoneOffset.UTC).getDayOfWeek();
    }

    @Override
    public Ref ref() {
        return new Ref(Ref.Kind.DEPLOYMENT, id, at, env);
    }
}
