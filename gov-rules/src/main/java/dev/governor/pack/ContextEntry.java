package dev.governor.pack;

import dev.governor.api.Ref;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing a change to some paths must know, as one pack tells it: a lock, a covering ADR, a contract's
 * consumers, a recent revert. {@code Context} lists them by pack; {@code gov context} prints them.
 *
 * <pre>{@code
 * ContextEntry.of("owners", "src/pay/Ledger.java", "src/pay/Ledger.java is owned by @payments")
 *         .with("owners", List.of("@payments"))
 *         .withEvidence(List.of(Ref.file(".github/CODEOWNERS")));
 * }</pre>
 *
 * @param kind     what sort of thing it is, a stable lower-case id within its pack ({@code lock}, {@code adr})
 * @param path     the path it is about (one asked about, or a file under one), or {@code null} when it is about
 *                 every path (a release blocker of the week)
 * @param text     one or two sentences a person or an agent can act on
 * @param details  the same as data, in the order given: values are strings, numbers, booleans, instants, lists of
 *                 strings, or {@code null}
 * @param evidence references to the facts it rests on (changes, ADRs, findings …)
 */
public record ContextEntry(String kind, String path, String text, Map<String, Object> details, List<Ref> evidence) {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*");

    public ContextEntry {
        Objects.requireNonNull(kind, "kind");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("context entry kind '" + kind
                    + "' must be lower case letters, digits and '-', like 'lock'");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("context entry of kind " + kind + " needs a text");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        details.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "detail key"), checked(key, value)));
        details = Collections.unmodifiableMap(copy);
        evidence = List.copyOf(evidence);
    }

    /** An entry with no details and no evidence yet. */
    public static ContextEntry of(String kind, String path, String text) {
        return new ContextEntry(kind, path, text, Map.of(), List.of());
    }

    /** This entry with one more detail (kept in the order added). */
    public ContextEntry with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new ContextEntry(kind, path, text, more, evidence);
    }

    /** This entry with this evidence. */
    public ContextEntry withEvidence(List<Ref> refs) {
        return new ContextEntry(kind, path, text, details, refs);
    }

    private static Object checked(String key, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Instant) {
            return value;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String)) {
                    throw new IllegalArgumentException("detail '" + key + "' is a list of " + describe(item)
                            + ": a list detail holds strings");
                }
            }
            return List.copyOf(list.stream().map(String.class::cast).toList());
        }
        throw new IllegalArgumentException("detail '" + key + "' is a " + describe(value)
                + ": give a string, an int or long, a boolean, an Instant, a list of strings or null");
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
