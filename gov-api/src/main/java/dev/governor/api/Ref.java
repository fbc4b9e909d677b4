package dev.governor.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reference to a fact: what a finding is about (its subject) and what made it fire (its evidence).
 *
 * <pre>{@code
 * Ref.file("src/pay/Ledger.java")
 * Ref.of(change)            // a fact refers to itself: Ref[kind=CHANGE, id=#42, at=…]
 * }</pre>
 *
 * @param kind   what sort of thing is referred to
 * @param id     its id within that kind (a path, a change id, an ADR number …)
 * @param at     when it happened, if it is an event
 * @param detail a short free text (a field name, a JSON pointer …), or {@code null}
 */
public record Ref(Kind kind, String id, Instant at, String detail) {

    /** The kinds of things a finding can refer to; {@link #id()} is the name reports use. */
    public enum Kind {
        CHANGE, FILE, DIRECTORY, ADR, CONTRACT, SPEC_CHANGE, DEPLOYMENT, INCIDENT, GATE, WEEK, METRIC,
        FIELD, SERVICE, FINDING, COMMIT;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,40}");
    private static final Pattern PR = Pattern.compile("#\\d+");

    public Ref {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Ref of(Kind kind, String id) {
        return new Ref(kind, id, null, null);
    }

    public static Ref file(String path) {
        return of(Kind.FILE, path);
    }

    /**
     * The reference for a subject or piece of evidence given loosely, as custom rules do: a
     * {@code Ref} as it is, a {@link Fact} by its own reference, a {@link Finding} by its fingerprint (the
     * rule id as detail), and a string by its
     * shape ({@code #12} a change, a hex SHA a commit, anything else a file path).
     */
    public static Ref of(Object thing) {
        Objects.requireNonNull(thing, "a finding's subject and evidence cannot be null");
        if (thing instanceof Ref ref) {
            return ref;
        }
        if (thing instanceof Fact fact) {
            return fact.ref();
        }
        if (thing instanceof Finding finding) {
            return new Ref(Kind.FINDING, finding.fingerprint(), finding.at(), finding.ruleId());
        }
        String text = thing.toString();
        if (PR.matcher(text).matches()) {
            return of(Kind.CHANGE, text);
        }
        if (SHA.matcher(text).matches()) {
            return of(Kind.COMMIT, text);
        }
        return of(Kind.FILE, text);
    }

    /** This reference with a detail added. */
    public Ref withDetail(String detail) {
        return new Ref(kind, id, at, detail);
    }
}
