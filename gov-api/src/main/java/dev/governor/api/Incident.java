package dev.governor.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An incident in an environment.
 *
 * @param id       the incident's id
 * @param env      the environment
 * @param opened   when it was opened
 * @param resolved when it was resolved, or {@code null} while open
 * @param cause    the deployment id or SHA that caused it, or {@code null}
 */
public record Incident(String id, String env, Instant opened, Instant resolved, String cause) implements Fact {
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(opened, "opened");
    }

    @Override
    public Ref ref() {
        return new Ref(Ref.Kind.INCIDENT, id, opened, env);
    }
}
