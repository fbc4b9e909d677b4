package dev.governor.adapters.git;

import dev.governor.adapters.change.TemplateFields;
import dev.governor.api.Change;
import dev.governor.api.ChangeType;
import dev.governor.api.Review;
import dev.governor.api.Trailer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a commit's raw data, its PR record and the policy into a {@link Change}. Each piece of
 * metadata is taken from the first source that has it: the commit's trailers, the merged side's
 * trailers (newest first), the PR record, then (for the type only) the Conventional Commits subject; for a
 * GitHub merge commit, the pull request title's in the first line of its body; then the PR record's title.
 */
final class Changes {

    private static final String MERGE_PR = "Merge pull request #";
    private static final Pattern CONVENTIONAL = Pattern.compile("([A-Za-z]+)(?:\\([^)]*\\))?!?:\\s.*");
    private static final String RISK_LABEL = "risk:";

    /** The template fields; each is filled by the trailer of the same key (Blast-Radius → blast-radius). */
    private static final List<String> FIELD_ORDER =
            List.of("intent", "blast-radius", "verification", "rollback", "contract-change", "rollout");

    private Changes() {
    }

    /**
     * {@code #N} for a PR merge or squash subject, else the 12-character abbreviated SHA. On a branch, the
     * id of a change whose number an earlier change already has is its SHA ({@link CommitReader#read}).
     */
    static String id(String subject, String sha) {
        String number = number(subject);
        return number != null ? number : abbreviate(sha);
    }

    /** The 12-character abbreviated SHA: the id of a change without a (free) PR number. */
    static String abbreviate(String sha) {
        return sha.substring(0, 12);
    }

    /** {@code #N} when the subject is {@code Merge pull request #N …} or ends with {@code (#N)}, else {@code null}. */
    static String number(String subject) {
        // hand-written rather than regular expressions: this runs once per commit of the history
        if (isMergePullRequest(subject)) {
            return "#" + subject.substring(MERGE_PR.length(), digits(subject, MERGE_PR.length()));
        }
        String s = subject.stripTrailing();
        if (s.endsWith(")")) {
            int open = s.lastIndexOf("(#");
            if (open >= 0 && open + 2 < s.length() - 1 && digits(s, open + 2) == s.length() - 1) {
                return "#" + s.substring(open + 2, s.length() - 1);
            }
        }
        return null;
    }

    /** Whether the subject is a GitHub merge commit's: {@code Merge pull request #N} and a word boundary. */
    static boolean isMergePullRequest(String subject) {
        if (!subject.startsWith(MERGE_PR)) {
            return false;
        }
        int end = digits(subject, MERGE_PR.length());
        return end > MERGE_PR.length() && (end == subject.length() || !Character.isLetterOrDigit(subject.charAt(end)));
    }

    /**
     * For a GitHub merge commit, the first line of the message's body (GitHub puts the pull request's
     * title there); else {@code null}.
     */
    static String mergeTitle(String subject, String message) {
        if (!isMergePullRequest(subject)) {
            return null;
        }
        String[] lines = message.replace("\r\n", "\n").split("\n", -1);
        int i = 0;
        while (i < lines.length && !lines[i].isBlank()) {
            i++; // the subject paragraph
        }
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return i < lines.length ? lines[i].strip() : null;
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** The type a Conventional Commits subject implies, or {@code null}. */
    static ChangeType conventionalType(String subject) {
        Matcher m = CONVENTIONAL.matcher(subject);
        if (!m.matches()) {
            return null;
        }
        return switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "fix" -> ChangeType.TACTICAL_FIX;
            case "feat" -> ChangeType.FEATURE;
            case "refactor", "perf", "chore", "build" -> ChangeType.TECH_DEBT;
            default -> null;
        };
    }

    /**
     * The change a commit makes.
     *
     * @param id       its id, unique on the branch
     * @param position its index in branch order
     * @param pr       its PR record, or {@code null}
     */
    static Change change(CommitData c, String id, long position, PrRecord pr, boolean inferConventional) {
        // the trailer sources in precedence order: the commit's own, then the merged side's newest first
        List<List<Trailer>> sources = new ArrayList<>();
        sources.add(c.trailers());
        for (CommitData.Merged m : c.merged()) {
            sources.add(m.trailers());
        }
        Change.Builder b = Change.builder(id).sha(c.sha()).mergedAt(Instant.ofEpochSecond(c.commitTime()))
                .files(c.files()).position(position).firstCommitAt(Instant.ofEpochSecond(c.firstAuthorTime()));
        for (List<Trailer> source : sources) {
            for (Trailer t : source) {
                b.trailer(t.key(), t.value());
            }
        }
        String type = first(sources, "change-type");
        String risk = first(sources, "risk");
        Map<String, String> body = pr != null ? TemplateFields.of(pr.body()) : Map.of();
        if (pr != null) {
            for (String label : pr.labels()) {
                String l = label.strip();
                if (type == null && ChangeType.parse(l) != null) {
                    type = l;
                }
                if (risk == null && l.toLowerCase(Locale.ROOT).startsWith(RISK_LABEL)
                        && !l.substring(RISK_LABEL.length()).isBlank()) {
                    risk = l.substring(RISK_LABEL.length()).strip();
                }
            }
        }
        b.declaredType(type).risk(risk);
        if (type == null && inferConventional) {
            // a GitHub merge commit's subject is "Merge pull request #N …": the PR's title says what it is
            ChangeType inferred = conventionalType(c.title() != null ? c.title() : c.subject());
            if (inferred == null && pr != null && pr.title() != null) {
                inferred = conventionalType(pr.title());
            }
            b.inferredType(inferred);
        }
        for (String key : FIELD_ORDER) {
            // a placeholder trailer (Rollback: TBD) fills nothing: the PR body may still
            String value = firstField(sources, key);
            if (value == null) {
                value = body.get(key);
            }
            if (value != null) {
                b.field(key, value);
            }
        }
        b.reverts(reverts(c));
        b.author(author(c, pr));
        return b.build();
    }

    /** The reviews a PR record gives, plus a pending one for each requested team that never reviewed. */
    static List<Review> reviews(String changeId, PrRecord pr) {
        List<Review> out = new ArrayList<>();
        for (PrRecord.PrReview r : pr.reviews()) {
            out.add(new Review(changeId, r.login(), r.state(), r.team(), r.requestedAt(), r.submittedAt()));
        }
        for (String team : pr.requestedTeams()) {
            boolean answered = pr.reviews().stream().anyMatch(r -> team.equals(r.team()));
            if (!answered) {
                out.add(new Review(changeId, null, null, team, null, null));
            }
        }
        return out;
    }

    private static String reverts(CommitData c) {
        String own = firstValue(c.trailers(), "reverts");
        if (own != null) {
            return own;
        }
        if (c.reverts() != null) {
            return c.reverts();
        }
        for (CommitData.Merged m : c.merged()) {
            String side = firstValue(m.trailers(), "reverts");
            if (side != null) {
                return side;
            }
            if (m.reverts() != null) {
                return m.reverts();
            }
        }
        return null;
    }

    private static String author(CommitData c, PrRecord pr) {
        if (pr != null && pr.login() != null) {
            return pr.login();
        }
        if (!c.merged().isEmpty() && c.merged().get(0).authorEmail() != null) {
            return c.merged().get(0).authorEmail();
        }
        return c.authorEmail();
    }

    /** The first trailer value of a template field that is not a placeholder ({@link TemplateFields#missing}). */
    private static String firstField(List<List<Trailer>> sources, String key) {
        for (List<Trailer> source : sources) {
            for (Trailer t : source) {
                if (t.is(key) && !TemplateFields.missing(t.value())) {
                    return t.value();
                }
            }
        }
        return null;
    }

    private static String first(List<List<Trailer>> sources, String key) {
        for (List<Trailer> source : sources) {
            String v = firstValue(source, key);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The first non-blank value of a trailer key; a blank value ({@code Intent:}) declares nothing. */
    private static String firstValue(List<Trailer> trailers, String key) {
        for (Trailer t : trailers) {
            if (t.is(key) && !t.value().isBlank()) {
                return t.value();
            }
        }
        return null;
    }
}
