package dev.governor.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An architecture decision record: the durable home of "we decided this" between sessions.
 *
 * <pre>{@code
 * Adr extraction = new Adr("docs/adr/0007-extract-billing.md", 7, "Extract billing", "accepted",
 *         LocalDate.parse("2026-10-01"), "Billing moves to its own service.", "Billing releases weekly.",
 *         List.of(), List.of(), List.of("services/billing/**"), "github.com/acme/billing-service");
 * extraction.removes("services/billing/Invoice.java");   // true
 * extraction.isNamedBy("ADR-0007");                       // true
 * }</pre>
 *
 * @param path         the file, relative to the repository root
 * @param number       the file name's leading digits, or {@code null}
 * @param title        the title without its number
 * @param status       the status in lower case, or {@code null} when the file states none
 * @param date         the date it was decided, or {@code null}
 * @param decision     the decision text, or {@code null}
 * @param reason       the reason (or context) text, or {@code null}
 * @param supersedes   numbers or paths of ADRs this one supersedes
 * @param supersededBy numbers or paths of ADRs that supersede this one
 * @param removed      glob patterns of code this decision moved out of the repository (boundary)
 * @param movedTo      where that code went, or {@code null}
 * @param lastChange   the id of the change that last added or modified the file, or {@code null} when no
 *                     change of the history read did (or the ADR was not read from a history)
 * @param problems     what could not be read, each at its line of the file (a malformed front matter, a
 *                     boundary that is no list of globs); empty for a well-formed file
 */
public record Adr(String path, Integer number, String title, String status, LocalDate date, String decision,
                  String reason, List<String> supersedes, List<String> supersededBy, List<String> removed,
                  String movedTo, String lastChange, List<Problem> problems) implements Fact {

    /** The status of a decision in force. */
    public static final String ACCEPTED = "accepted";

    /**
     * Something in the file that could not be read, and what to do about it.
     *
     * @param line    its 1-based line in the file, or 0 for the file as a whole
     * @param message what is wrong and what to do
     */
    public record Problem(int line, String message) {
        public Problem {
            Objects.requireNonNull(message, "message");
        }
    }

    public Adr {
        Objects.requireNonNull(path, "path");
        supersedes = List.copyOf(supersedes);
        supersededBy = List.copyOf(supersededBy);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
    }

    /** An ADR read from a file alone: no change known, no problems. */
    public Adr(String path, Integer number, String title, String status, LocalDate date, String decision,
               String reason, List<String> supersedes, List<String> supersededBy, List<String> removed,
               String movedTo) {
        this(path, number, title, status, date, decision, reason, supersedes, supersededBy, removed, movedTo, null,
                List.of());
    }

    /** This ADR attributed to the change that last added or modified it. */
    public Adr withLastChange(String changeId) {
        return new Adr(path, number, title, status, date, decision, reason, supersedes, supersededBy, removed, movedTo,
                changeId, problems);
    }

    /** Whether its status is {@code accepted}: a decision in force. */
    public boolean accepted() {
        return ACCEPTED.equals(status);
    }

    /** Whether its boundary's {@code removed} globs match {@code path} (see {@link Glob}). */
    public boolean removes(String path) {
        for (String glob : removed) {
            if (Glob.matches(glob, path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code reference} names this ADR: its number however written ({@code 7}, {@code 0007},
     * {@code ADR-0007}, {@code #7}), its path, or its file name (with or without {@code .md}, as links
     * between ADRs write it).
     */
    public boolean isNamedBy(String reference) {
        if (reference == null) {
            return false;
        }
        String r = reference.strip();
        Integer n = numberOf(r);
        if (n != null && number != null) {
            return n.equals(number);
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        String refFile = r.substring(r.lastIndexOf('/') + 1);
        return r.equals(path) || refFile.equals(file) || (refFile + ".md").equals(file);
    }

    /** Whether this ADR says it supersedes {@code other}. */
    public boolean supersedes(Adr other) {
        for (String ref : supersedes) {
            if (other.isNamedBy(ref)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The number a reference gives: digits alone, or after {@code ADR}, {@code #} or a leading path, as
     * {@code 7}, {@code 0007}, {@code ADR-0007}, {@code adr 7}, {@code 0007-use-kafka.md},
     * {@code docs/adr/0007-use-kafka.md}; {@code null} when it gives none.
     */
    public static Integer numberOf(String reference) {
        String r = reference.strip();
        r = r.substring(r.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (r.startsWith("adr")) {
            r = r.substring(3);
            while (!r.isEmpty() && (r.charAt(0) == '-' || r.charAt(0) == '_' || r.charAt(0) == ' ')) {
                r = r.substring(1);
            }
        } else if (r.startsWith("#")) {
            r = r.substring(1);
        }
        int end = 0;
        while (end < r.length() && Character.isDigit(r.charAt(end)) && r.charAt(end) < 128) {
            end++;
        }
        if (end == 0 || end > 9) {
            return null;
        }
        return Integer.valueOf(r.substring(0, end));
    }

    @Override
    public Ref ref() {
        return new Ref(Ref.Kind.ADR, number != null ? String.valueOf(number) : path, null, path);
    }
}
