package dev.governor.cli;

import dev.governor.api.GovernanceException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * What the command line takes from its surroundings: environment variables and whether a person watches
 * stderr. A seam so that tests fix {@code GOV_NOW} without touching the real environment.
 *
 * @param variables   the environment variables ({@code GOV_NOW} fixes the clock)
 * @param interactive whether stderr is a terminal (progress is shown only then)
 */
public record CliEnvironment(Map<String, String> variables, boolean interactive) {

    /** Fixes "now" for tests and reproducible reports: an ISO instant such as {@code 2026-11-26T12:00:00Z}. */
    public static final String GOV_NOW = "GOV_NOW";

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** An environment with only these variables, not interactive. */
    public static CliEnvironment of(Map<String, String> variables) {
        return new CliEnvironment(variables, false);
    }

    /** The terminal's width for a progress bar: {@code COLUMNS} when the shell exports it, else 80. */
    public int columns() {
        String columns = variables.get("COLUMNS");
        try {
            int n = columns == null ? 0 : Integer.parseInt(columns.trim());
            return n >= 20 ? n - 1 : 79; // one short of the edge: a full line would wrap on some terminals
        } catch (NumberFormatException e) {
            return 79;
        }
    }

    /**
     * The clock: fixed at {@code GOV_NOW} when it is set, else the system clock in UTC.
     *
     * @throws GovernanceException when {@code GOV_NOW} is not an ISO instant
     */
    public Clock clock() {
        String now = variables.get(GOV_NOW);
        if (now == null || now.isBlank()) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(Instant.parse(now.trim()), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new GovernanceException(GOV_NOW, 0, "'" + now + "' is not an ISO instant;"
                    + " set it like GOV_NOW=2026-11-26T12:00:00Z or unset it to use the system clock");
        }
    }
}
