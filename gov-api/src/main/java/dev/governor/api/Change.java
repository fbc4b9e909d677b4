package dev.governor.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change (a pull request, or a commit on the target branch's first-parent history).
 *
 * <pre>{@code
 * Change fix = Change.builder("#412")
 *     .mergedAt(Instant.parse("2026-11-02T10:00:00Z"))
 *     .declaredType("tactical-fix")
 *     .file(FileChange.modified("src/pay/Ledger.java"))
 *     .build();
 * }</pre>
 *
 * @param id           {@code #N} for a pull request, else the 12-character abbreviated SHA
 * @param sha          the commit's full SHA, or {@code null} for a change not (yet) in git
 * @param mergedAt     the merge time: the commit's committer time
 * @param author       who wrote it (an e-mail address or login), or {@code null}
 * @param files        the files it touched, against the first parent
 * @param declaredType the change type as declared (trailer or label), verbatim; may be an unknown word
 * @param inferredType the type inferred from a Conventional Commits subject, used when none is declared
 * @param risk         the risk level as declared, verbatim, or {@code null}
 * @param fields       template fields by key ({@code intent}, {@code blast-radius}, {@code verification},
 *                     {@code rollback}, {@code contract-change}, {@code rollout}); only present ones
 * @param trailers     every trailer of the message, in order
 * @param reverts      the change id or SHA this change reverts, or {@code null}
 * @param position     its place in the branch's first-parent history, oldest first (0 for the first change
 *                     read), or {@code null} for a change with no branch order (host-supplied); rules take
 *                     changes in branch order, and merge time only measures windows
 * @param firstCommitAt when work on it began: the earliest author time of its commits (the merged side's, for a
 *                     merge commit), or {@code null} when unknown (host-supplied); lead time is measured from it
 */
public record Change(String id, String sha, Instant mergedAt, String author, List<FileChange> files,
                     String declaredType, ChangeType inferredType, String risk, Map<String, String> fields,
                     List<Trailer> trailers, String reverts, Long position, Instant firstCommitAt) implements Fact {

    public Change {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mergedAt, "mergedAt");
        files = List.copyOf(files);
        fields = Map.copyOf(fields);
        trailers = List.copyOf(trailers);
        if (position != null && position < 0) {
            throw new IllegalArgumentException("change " + id + ": position must be 0 or more, was " + position);
        }
    }

    /** A change without the time its first commit was written (as before that was known). */
    public Change(String id, String sha, Instant mergedAt, String author, List<FileChange> files, String declaredType,
                  ChangeType inferredType, String risk, Map<String, String> fields, List<Trailer> trailers,
                  String reverts, Long position) {
        this(id, sha, mergedAt, author, files, declaredType, inferredType, risk, fields, trailers, reverts, position,
                null);
    }

    /** When work on it began: {@link #firstCommitAt()} where known, else its merge time. */
    public Instant startedAt() {
        return firstCommitAt != null ? firstCommitAt : mergedAt;
    }

    /** The change type in force: the declared one if it is one of the five, else the inferred one if none was declared. */
    public ChangeType type() {
        return declaredType != null ? ChangeType.parse(declaredType) : inferredType;
    }

    /** Whether the type in force was inferred from the subject rather than declared. */
    public boolean typeInferred() {
        return declaredType == null && inferredType != null;
    }

    /** Whether a type was declared that is none of the five. */
    public boolean typeUnknown() {
        return declaredType != null && ChangeType.parse(declaredType) == null;
    }

    /** The declared risk level, or {@code null} when none (or an unknown word) was declared. */
    public Risk riskLevel() {
        return Risk.parse(risk);
    }

    /** The values of every trailer with this key (case-insensitive), in order. */
    public List<String> trailers(String key) {
        List<String> values = new ArrayList<>();
        for (Trailer t : trailers) {
            if (t.is(key)) {
                values.add(t.value());
            }
        }
        return values;
    }

    @Override
    public Ref ref() {
        return new Ref(Ref.Kind.CHANGE, id, mergedAt, null);
    }

    /**
     * A builder of a change with this id ({@code #42}, or an abbreviated SHA); only {@code mergedAt} is required.
     *
     * <pre>{@code
     * Change.builder("#42").mergedAt(Instant.parse("2026-11-02T10:00:00Z")).declaredType("tactical-fix").risk("low")
     *     .file(FileChange.modified("src/pay/Ledger.java")).build();
     * }</pre>
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a {@link Change}; every setter returns this builder. */
    public static final class Builder {
        private final String id;
        private String sha;
        private Instant mergedAt;
        private String author;
        private final List<FileChange> files = new ArrayList<>();
        private String declaredType;
        private ChangeType inferredType;
        private String risk;
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final List<Trailer> trailers = new ArrayList<>();
        private String reverts;
        private Long position;
        private Instant firstCommitAt;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /** The commit's full SHA; leave unset for a change not (yet) in git. */
        public Builder sha(String sha) { this.sha = sha; return this; }
        /** When it was merged (the commit's committer time): required, the rules' windows are measured with it. */
        public Builder mergedAt(Instant mergedAt) { this.mergedAt = mergedAt; return this; }
        /** Who wrote it: an e-mail address or a login. */
        public Builder author(String author) { this.author = author; return this; }
        /** Adds a file it touched: {@code FileChange.modified("src/pay/Ledger.java")}. */
        public Builder file(FileChange file) { this.files.add(file); return this; }
        /** Adds files it touched, in order. */
        public Builder files(List<FileChange> files) { this.files.addAll(files); return this; }
        /** The change type as declared, verbatim ({@code "tactical-fix"}); an unknown word is kept (and reported). */
        public Builder declaredType(String type) { this.declaredType = type; return this; }
        /** The change type as declared, one of the five. */
        public Builder type(ChangeType type) { this.declaredType = type.id(); return this; }
        /** The type inferred from a Conventional Commits subject, used when none is declared. */
        public Builder inferredType(ChangeType type) { this.inferredType = type; return this; }
        /** The risk level as declared, verbatim ({@code "low"}). */
        public Builder risk(String risk) { this.risk = risk; return this; }
        /** A template field ({@code intent}, {@code blast-radius}, {@code verification}, {@code rollback} …). */
        public Builder field(String key, String value) { this.fields.put(key, value); return this; }
        /** Adds a trailer of the commit message ({@code Reviewed-by}, {@code Refs} …). */
        public Builder trailer(String key, String value) { this.trailers.add(new Trailer(key, value)); return this; }
        /** The change id or SHA it reverts. */
        public Builder reverts(String reverts) { this.reverts = reverts; return this; }
        /** Its place in the branch's first-parent history (0 = oldest read); leave unset for host-supplied changes. */
        public Builder position(long position) { this.position = position; return this; }
        /** The earliest author time of its commits, where it is known. */
        public Builder firstCommitAt(Instant firstCommitAt) { this.firstCommitAt = firstCommitAt; return this; }

        /**
         * The change.
         *
         * @throws IllegalStateException when {@code mergedAt} was not given
         */
        public Change build() {
            if (mergedAt == null) {
                throw new IllegalStateException("change " + id + " needs mergedAt(…): rules order changes by merge time");
            }
            return new Change(id, sha, mergedAt, author, files, declaredType, inferredType, risk, fields, trailers, reverts,
                    position, firstCommitAt);
        }
    }
}
