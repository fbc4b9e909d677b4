package dev.governor.adapters.notes;

import dev.governor.api.GovernanceException;
import dev.governor.api.SignOff;
import dev.governor.input.Format;
import dev.governor.input.Limits;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.input.StructuredInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.notes.Note;
import org.eclipse.jgit.notes.NoteMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The audit trail of sign-offs: git notes under {@code refs/notes/governance}, one note per signed-off commit,
 * holding one line of JSON evidence per sign-off (JSON Lines), oldest first. Plain git shows them:
 * {@code git notes --ref governance show SHA}.
 *
 * <pre>{@code
 * GovernanceNotes.append(Path.of("."), signOff, evidenceJsonLine);   // appends, never replaces
 * List<SignOff> recorded = GovernanceNotes.read(Path.of("."));
 * }</pre>
 *
 * <p>Appending reads the notes ref, adds the line to the commit's note and moves the ref only if it still
 * points where it was read (compare-and-swap); when another sign-off moved it first, the append is made again
 * on top of that one, so two sign-offs racing (two environments, two CI jobs) both land, and neither's
 * evidence is lost.
 */
public final class GovernanceNotes {
    /** The notes ref sign-off evidence lives under. */
    public static final String REF = "refs/notes/governance";

    private static final int ATTEMPTS = 50;
    private static final List<String> VERDICTS = List.of("passed", "failed");

    private GovernanceNotes() {
    }

    /**
     * Appends one line of evidence to the note of {@code signOff}'s commit.
     *
     * @param evidence the sign-off's JSON evidence on one line
     * @throws GovernanceException when the repository or the commit cannot be found, or the notes ref stays
     *                             locked by others through every attempt
     */
    public static void append(Path repository, SignOff signOff, String evidence) {
        if (evidence.indexOf('\n') >= 0 || evidence.isBlank()) {
            throw new IllegalArgumentException("evidence must be one line of JSON");
        }
        try (Repository repo = open(repository)) {
            ObjectId commit = commit(repo, repository, signOff.sha());
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                RefUpdate.Result result = tryAppend(repo, commit, signOff, evidence);
                switch (result) {
                    case NEW, FAST_FORWARD, FORCED -> {
                        return;
                    }
                    case LOCK_FAILURE, REJECTED, IO_FAILURE, REJECTED_MISSING_OBJECT -> backOff(attempt);
                    default -> throw new GovernanceException(REF, 0, "could not record the sign-off of "
                            + abbreviate(signOff.sha()) + ": git refused to move " + REF + " (" + result + ")");
                }
            }
            throw new GovernanceException(REF, 0, "could not record the sign-off of " + abbreviate(signOff.sha())
                    + ": " + REF + " kept moving or stayed locked through " + ATTEMPTS + " attempts; run the sign-off"
                    + " again (a stale " + REF + ".lock in the git directory would need removing)");
        } catch (IOException e) {
            throw new GovernanceException(repository.toString(), 0, "could not record the sign-off of "
                    + abbreviate(signOff.sha()) + " in " + REF + ": " + e.getMessage(), e);
        }
    }

    private static RefUpdate.Result tryAppend(Repository repo, ObjectId commit, SignOff signOff, String evidence)
            throws IOException {
        repo.getRefDatabase().refresh();
        Ref ref = repo.exactRef(REF);
        ObjectId old = ref == null ? null : ref.getObjectId();
        try (ObjectInserter inserter = repo.newObjectInserter(); ObjectReader reader = inserter.newReader();
             RevWalk walk = new RevWalk(reader)) {
            NoteMap notes = old == null ? NoteMap.newEmptyMap() : NoteMap.read(reader, walk.parseCommit(old));
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            Note existing = notes.getNote(commit);
            if (existing != null) {
                byte[] before = bytes(reader, existing.getData(), commit);
                content.write(before);
                if (before.length > 0 && before[before.length - 1] != '\n') {
                    content.write('\n');
                }
            }
            content.write(evidence.getBytes(StandardCharsets.UTF_8));
            content.write('\n');
            notes.set(commit, inserter.insert(Constants.OBJ_BLOB, content.toByteArray()));
            CommitBuilder change = new CommitBuilder();
            change.setTreeId(notes.writeTree(inserter));
            if (old != null) {
                change.setParentId(old);
            }
            PersonIdent who = new PersonIdent(signOff.by(), signOff.by().contains("@") ? signOff.by() : "",
                    signOff.at(), ZoneOffset.UTC);
            change.setAuthor(who);
            change.setCommitter(who);
            change.setMessage("gov sign-off: " + abbreviate(signOff.sha()) + " for " + signOff.env() + "\n");
            ObjectId next = inserter.insert(change);
            inserter.flush();
            RefUpdate update = repo.updateRef(REF);
            update.setExpectedOldObjectId(old == null ? ObjectId.zeroId() : old);
            update.setNewObjectId(next);
            update.setRefLogMessage("gov sign-off " + signOff.env(), false);
            return update.update(walk);
        }
    }

    /** Waits a little, more after each failed attempt, with jitter so that racing writers spread out. */
    private static void backOff(int attempt) {
        long millis = Math.min(200, 2L << Math.min(attempt, 6)) + ThreadLocalRandom.current().nextLong(10);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GovernanceException(REF, 0, "interrupted while recording the sign-off; run it again");
        }
    }

    /**
     * Every sign-off recorded under {@link #REF}, by commit (in SHA order) and then in the order recorded.
     *
     * @throws GovernanceException naming the note ({@code refs/notes/governance:<sha>}) and line of a record that
     *                             is not sign-off evidence
     */
    public static List<SignOff> read(Path repository) {
        try (Repository repo = open(repository)) {
            Ref ref = repo.exactRef(REF);
            if (ref == null) {
                return List.of();
            }
            List<SignOff> out = new ArrayList<>();
            try (ObjectReader reader = repo.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
                RevCommit top = walk.parseCommit(ref.getObjectId());
                NoteMap notes = NoteMap.read(reader, top);
                List<Note> all = new ArrayList<>();
                notes.forEach(all::add);
                all.sort((a, b) -> a.name().compareTo(b.name()));
                for (Note note : all) {
                    String sha = note.name();
                    String name = REF + ":" + sha;
                    Node lines = StructuredInput.parse(bytes(reader, note.getData(), note), Format.JSON_LINES, name,
                            Limits.RECORDS);
                    for (Node line : lines.asList().items()) {
                        out.add(signOff(line.asMap(), sha));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new GovernanceException(repository.toString(), 0, "cannot read " + REF + ": " + e.getMessage(), e);
        }
    }

    private static SignOff signOff(MapNode record, String sha) {
        Node given = record.opt("sha");
        if (given != null && !given.asString().toLowerCase(Locale.ROOT).equals(sha)) {
            throw given.error("evidence for " + given.asString() + " is in the note of " + sha
                    + ": move it to its own commit's note, or remove it");
        }
        Node verdict = record.require("verdict");
        if (!VERDICTS.contains(verdict.asString())) {
            throw verdict.error("verdict '" + verdict.asString() + "' is neither passed nor failed: this line is not"
                    + " sign-off evidence Governor wrote; remove it from the note");
        }
        Instant at = record.require("at").asInstant();
        return new SignOff(sha, record.require("env").asString(), at, record.require("by").asString(),
                "passed".equals(verdict.asString()) ? SignOff.Status.PASSED : SignOff.Status.FAILED);
    }

    private static byte[] bytes(ObjectReader reader, ObjectId blob, ObjectId of) throws IOException {
        try {
            return reader.open(blob, Constants.OBJ_BLOB).getCachedBytes(Limits.RECORDS.maxBytes());
        } catch (LargeObjectException e) {
            throw new GovernanceException(REF + ":" + of.name(), 0, "the note is larger than "
                    + Limits.RECORDS.maxBytes() + " bytes: it is not sign-off evidence Governor wrote");
        }
    }

    private static ObjectId commit(Repository repo, Path repository, String sha) throws IOException {
        ObjectId id;
        try {
            id = repo.resolve(sha + "^{commit}");
        } catch (IOException | RuntimeException e) {
            id = null; // an unknown or ambiguous object: no commit to sign off
        }
        if (id == null) {
            throw new GovernanceException(repository.toString(), 0, "no commit " + sha + " in this repository:"
                    + " sign off a commit that exists here");
        }
        return id;
    }

    /** The repository at or above {@code dir}. */
    static Repository open(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        builder.findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new GovernanceException(dir.toString(), 0, "not a git repository (or any of its parents):"
                    + " point at the root of a git repository");
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new GovernanceException(dir.toString(), 0, "cannot open the git repository: " + e.getMessage(), e);
        }
    }

    /** The signer git knows for this repository: {@code user.email}, else {@code user.name}, else {@code null}. */
    public static String configuredSigner(Path repository) {
        try (Repository repo = open(repository)) {
            String email = repo.getConfig().getString("user", null, "email");
            if (email != null && !email.isBlank()) {
                return email.strip();
            }
            String name = repo.getConfig().getString("user", null, "name");
            return name == null || name.isBlank() ? null : name.strip();
        }
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
