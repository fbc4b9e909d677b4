package dev.governor.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code gov} in-process with a given environment and captures what it prints. */
final class Gov {
    static final String NOW = "2026-11-26T12:00:00Z";

    private final Map<String, String> env = new HashMap<>();

    private Gov() {
    }

    /** gov with the clock fixed at {@link #NOW}. */
    static Gov atNow() {
        return new Gov().with(CliEnvironment.GOV_NOW, NOW);
    }

    /** gov with an empty environment (the system clock). */
    static Gov plain() {
        return new Gov();
    }

    Gov with(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Main.run(CliEnvironment.of(env), o, e, args);
        }
        return new Result(code, out.toString(), err.toString());
    }

    /** What one run gave. */
    record Result(int exitCode, String out, String err) {
    }
}
