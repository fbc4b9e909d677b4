package dev.governor;

import dev.governor.api.Finding;
import dev.governor.api.GovernanceException;
import dev.governor.api.Ref;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Findings a team has accepted, known by their fingerprints: the one baseline format of
 * {@code gov check --baseline FILE} and of the test DSL's {@code GovRules.freeze}. A fingerprint is made of
 * the rule, the subject, the change and the evidence ids ({@link Finding#fingerprint()}), never of wording,
 * severity, times or line numbers, so a baseline does not churn when a message is reworded or unrelated
 * commits arrive.
 *
 * <p>The file is UTF-8 text, sorted, one entry a line: the fingerprint, then the rule id and the subject,
 * which are there for the person reviewing a diff of the file (only the fingerprint is matched). Lines
 * starting with {@code #} are comments.
 * <pre>
 * # Governor baseline: accepted findings, one a line (fingerprint, rule, subject); only the fingerprint counts.
 * 5b1ae1d0c2e4f9a7 intent.risk-missing change #12
 * 0c8d9e2f4a6b1357 intent.tactical-hotspot file src/pay/Ledger.java
 * </pre>
 *
 * <pre>{@code
 * Baseline accepted = Baseline.read(Path.of("governance-baseline.txt"));   // missing file: GovernanceException
 * Report fresh = governor.check().without(accepted);                       // only new findings count
 * fresh.staleInBaseline();                                                 // accepted findings since fixed
 * Baseline.of(governor.check().findings()).write(Path.of("governance-baseline.txt"));
 * }</pre>
 */
public final class Baseline {

    /** The first lines of every baseline file written: what the file is and how it is kept. */
    public static final String HEADER = """
            # Governor baseline: accepted findings, one a line (fingerprint, rule, subject); only the fingerprint counts.
            # Only new findings count against it. Fixed findings show as stale: updating the baseline (gov check)
            # and GovRules.freeze drop them, so a baseline only shrinks unless it is recorded again on purpose.
            """;

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16,64}");
    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9.-]+");

    /** Sorted for the file: by rule (bare fingerprints first), subject, fingerprint. */
    private static final Comparator<Entry> ORDER = Comparator
            .comparing(Entry::rule, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Entry::subject, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Entry::fingerprint);

    /**
     * One accepted finding.
     *
     * @param fingerprint the finding's fingerprint, 16 to 64 lower-case hex digits
     * @param rule        its rule id, for the reader, or {@code null} when the line gives none
     * @param subject     its subject as {@code kind id} ({@code change #12}), for the reader, or {@code null}
     */
    public record Entry(String fingerprint, String rule, String subject) {
        public Entry {
            Objects.requireNonNull(fingerprint, "fingerprint");
            if (!FINGERPRINT.matcher(fingerprint).matches()) {
                throw new IllegalArgumentException("'" + fingerprint + "' is not a finding fingerprint (16 to 64 "
                        + "lower-case hex digits)");
            }
            if (subject != null && (subject.isBlank() || subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0)) {
                throw new IllegalArgumentException("a baseline entry's subject is one non-blank line, was '" + subject + "'");
            }
        }

        /** The entry of a finding: its fingerprint, rule id and subject. */
        public static Entry of(Finding finding) {
            return new Entry(finding.fingerprint(), finding.ruleId(), Baseline.subject(finding.subject()));
        }

        /** The entry's line in a baseline file. */
        String line() {
            StringBuilder line = new StringBuilder(fingerprint);
            if (rule != null) {
                line.append(' ').append(rule);
                if (subject != null) {
                    line.append(' ').append(subject);
                }
            }
            return line.toString();
        }
    }

    private final List<Entry> entries;
    private final Set<String> fingerprints;

    private Baseline(Collection<Entry> given) {
        Map<String, Entry> byFingerprint = new LinkedHashMap<>();
        for (Entry e : given) {
            // the same finding twice (two runs merged by hand) is one entry; the annotated line wins
            byFingerprint.merge(e.fingerprint(), e, (a, b) -> a.rule() != null ? a : b);
        }
        List<Entry> sorted = new ArrayList<>(byFingerprint.values());
        sorted.sort(ORDER);
        this.entries = List.copyOf(sorted);
        this.fingerprints = Set.copyOf(byFingerprint.keySet());
    }

    /** A baseline accepting nothing. */
    public static Baseline empty() {
        return new Baseline(List.of());
    }

    /** A baseline accepting these findings (what {@code --update-baseline} writes). */
    public static Baseline of(Collection<Finding> findings) {
        List<Entry> entries = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            entries.add(Entry.of(f));
        }
        return new Baseline(entries);
    }

    /** A baseline of these entries. */
    public static Baseline ofEntries(Collection<Entry> entries) {
        return new Baseline(entries);
    }

    /**
     * Reads a baseline file. A missing file is an error, never an empty baseline: a mistyped path must not
     * turn every accepted finding into a new one, nor a check that suppresses nothing pass as one that does.
     *
     * @throws GovernanceException when the file does not exist or cannot be read, or a line is not an entry
     *                             (naming file and line)
     */
    public static Baseline read(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new GovernanceException(file.toString(), 0, "baseline file not found: give the path of an existing"
                    + " baseline, or record one from today's findings (gov check's update-baseline option, or"
                    + " GovRules.freeze with -Dgovernor.freeze.record=true)");
        } catch (IOException e) {
            throw new GovernanceException(file.toString(), 0, "cannot read the baseline ("
                    + e.getClass().getSimpleName() + "): check that it is a readable file");
        }
        return parse(file.toString(), text);
    }

    /**
     * Reads the text of a baseline file.
     *
     * @param source the file's name, for messages
     * @throws GovernanceException naming source and line when a line is not an entry
     */
    public static Baseline parse(String source, String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (!FINGERPRINT.matcher(parts[0]).matches()) {
                throw new GovernanceException(source, i + 1, "'" + parts[0] + "' is not a finding fingerprint (16 to 64"
                        + " lower-case hex digits): each line starts with one, as a recorded baseline has"
                        + " them; fix the line or record the baseline again");
            }
            String rule = parts.length > 1 ? parts[1] : null;
            if (rule != null && !RULE_ID.matcher(rule).matches()) {
                throw new GovernanceException(source, i + 1, "'" + rule + "' after the fingerprint is not a rule id"
                        + " (<prefix>.<name>): write the fingerprint, then the rule id and the subject, or the"
                        + " fingerprint alone");
            }
            entries.add(new Entry(parts[0], rule, parts.length > 2 ? parts[2] : null));
        }
        return new Baseline(entries);
    }

    /** The entries, sorted by rule, subject and fingerprint. */
    public List<Entry> entries() {
        return entries;
    }

    /** How many findings it accepts. */
    public int size() {
        return entries.size();
    }

    /** Whether it accepts this finding. */
    public boolean contains(Finding finding) {
        return fingerprints.contains(finding.fingerprint());
    }

    /** Whether it accepts the finding with this fingerprint. */
    public boolean contains(String fingerprint) {
        return fingerprints.contains(fingerprint);
    }

    /**
     * The entries that none of {@code findings} matches: accepted findings that no longer occur (fixed, or
     * their rule turned off), in file order.
     */
    public List<Entry> staleAgainst(Collection<Finding> findings) {
        Set<String> current = new HashSet<>(findings.size() * 2);
        for (Finding f : findings) {
            current.add(f.fingerprint());
        }
        return entries.stream().filter(e -> !current.contains(e.fingerprint())).toList();
    }

    /** This baseline without the entries that none of {@code findings} matches: fixed findings dropped. */
    public Baseline retainedBy(Collection<Finding> findings) {
        List<Entry> stale = staleAgainst(findings);
        if (stale.isEmpty()) {
            return this;
        }
        Set<String> gone = new HashSet<>();
        stale.forEach(e -> gone.add(e.fingerprint()));
        return new Baseline(entries.stream().filter(e -> !gone.contains(e.fingerprint())).toList());
    }

    /** The file's text: {@link #HEADER}, then one line per entry, in order; line ends are {@code \n}. */
    public String toText() {
        StringBuilder text = new StringBuilder(HEADER.length() + entries.size() * 64).append(HEADER);
        for (Entry e : entries) {
            text.append(e.line()).append('\n');
        }
        return text.toString();
    }

    /**
     * Writes the file (creating its directory), replacing what was there.
     *
     * @throws GovernanceException when it cannot be written
     */
    public void write(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, toText(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GovernanceException(file.toString(), 0, "cannot write the baseline ("
                    + e.getClass().getSimpleName() + "): choose a writable path");
        }
    }

    /** A subject as a baseline line shows it: kind, then id ({@code change #12}, {@code file src/A.java}). */
    static String subject(Ref ref) {
        String id = ref.id().replace('\r', ' ').replace('\n', ' ').strip();
        return ref.kind().id() + " " + (id.isEmpty() ? "-" : id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Baseline b && entries.equals(b.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "Baseline of " + entries.size() + (entries.size() == 1 ? " finding" : " findings");
    }
}
