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
        /** A change, by its id ({@code #42} or an abbreviated SHA). */
        CHANGE,
        /** A file, by its repository path. */
        FILE,
        /** A directory, by its repository path (a hotspot under {@code hotspot.scope: directory}). */
        DIRECTORY,
        /** An ADR, by its number or path. */
        ADR,
        /** A contract of the registry, by its name. */
        CONTRACT,
        /** A difference within a contract's spec, by its JSON pointer. */
        SPEC_CHANGE,
        /** A deployment, by its id. */
        DEPLOYMENT,
        /** An incident, by its id. */
        INCIDENT,
        /** A CI gate, by its name. */
        GATE,
        /** An ISO week ({@code 2026-W45}). */
        WEEK,
        /** A metric, by its name. */
        METRIC,
        /** A field of a record or template, by its name. */
        FIELD,
        /** A service, by its name. */
        SERVICE,
        /** Another finding, by its fingerprint (the rule id as detail). */
        FINDING,
        /** A commit, by its SHA. */
        COMMIT;

        /** The kind as reports name it: {@code "spec-change"}. */
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

    /** A reference to the thing of this kind with this id, with no time and no detail. */
    public static Ref of(Kind kind, String id) {
        return new Ref(kind, id, null, null);
    }

    /** A reference to a file of the repository: {@code Ref.file("src/pay/Ledger.java")}. */
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
