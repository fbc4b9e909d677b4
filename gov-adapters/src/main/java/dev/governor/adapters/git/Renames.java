package dev.governor.adapters.git;

import dev.governor.api.FileChange;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.ObjectStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rename detection as C git's {@code diffcore-rename} does it for {@code git log -M} (git 2.33 and later),
 * with no limit on the number of files compared ({@code diff.renameLimit=0}, which git treats as unlimited):
 * <ol>
 *   <li>exact renames: a deleted and an added file with the same content, preferring the same basename;</li>
 *   <li>basename matches: of the files left, a deleted and an added file whose basename is unique on each
 *       side, when at least 75% similar;</li>
 *   <li>the exhaustive matrix: every file left added against every file left deleted, the best four
 *       sources per destination, then the most similar pairs first, at least 50% similar.</li>
 * </ol>
 * Similarity is git's own estimate ({@code diffcore-delta}): content cut into lines or 64-byte chunks,
 * each hashed into one of 107,927 buckets, and the bytes the destination shares with the source counted
 * against the larger file's size. JGit's {@code SimilarityIndex} hashes differently, counts the last
 * unterminated chunk and divides by hashed bytes, so its scores (and near the 50% line, its pairs) differ
 * from git's; nor does JGit's detector have the basename step. Both are reimplemented here so that our
 * file lists equal {@code git log --first-parent --name-status -M}.
 *
 * <p>Not modelled: a {@code diff} or {@code binary} attribute in {@code .gitattributes}, which only changes
 * whether a file's CRLF pairs count as one byte. One instance per thread: it reads through one reader.
 */
final class Renames {

    /** What shapes the pairs this class finds: part of the fact cache's key. Change it when the algorithm changes. */
    static final String SETTINGS = "renames=git-2.33-diffcore:score=50%:basename=75%:limit=none";

    static final int MAX_SCORE = 60000;
    /** {@code -M}'s default: 50% similar. */
    static final int MIN_SCORE = 30000;
    /** git's basename step asks for halfway between the minimum and identical: 75%. */
    static final int BASENAME_SCORE = MIN_SCORE + (MAX_SCORE - MIN_SCORE) / 2;

    private static final int CANDIDATES_PER_DST = 4;
    private static final int EXACT_TRIES = 100;
    private static final int HASHBASE = 107927;
    private static final int CHUNK = 64;
    private static final int BINARY_PROBE = 8000;

    private final ObjectReader reader;

    Renames(ObjectReader reader) {
        this.reader = reader;
    }

    /** One side of a possible rename: a deleted file (source) or an added one (destination). */
    private static final class Spec {
        final int queueIndex;
        final String path;
        final String basename;
        final int mode;
        final ObjectId id;
        long size = -1;
        Counts counts;   // git's "cnt_data", computed once
        boolean used;    // a source already renamed
        Spec pairedWith; // a destination's source

        Spec(int queueIndex, String path, int mode, ObjectId id) {
            this.queueIndex = queueIndex;
            this.path = path;
            this.basename = basename(path);
            this.mode = mode;
            this.id = id;
        }

        boolean isPaired() {
            return pairedWith != null;
        }
    }

    /** The queue's files, renames paired, in the queue's order (a rename at its new path's place). */
    List<FileChange> detect(List<TreeDiff.Delta> queue) throws IOException {
        List<Spec> sources = new ArrayList<>();
        List<Spec> destinations = new ArrayList<>();
        for (int i = 0; i < queue.size(); i++) {
            TreeDiff.Delta d = queue.get(i);
            switch (d.kind()) {
                case ADDED -> destinations.add(new Spec(i, d.path(), d.newMode(), d.newId()));
                case DELETED -> sources.add(new Spec(i, d.path(), d.oldMode(), d.oldId()));
                default -> { }
            }
        }
        if (!sources.isEmpty() && !destinations.isEmpty()) {
            Spec[] src = sources.toArray(new Spec[0]);
            Spec[] dst = destinations.toArray(new Spec[0]);
            exact(src, dst);
            src = unused(src);
            basenames(src, dst);
            src = unused(src);
            if (src.length > 0) {
                matrix(src, dst);
            }
        }
        return output(queue, sources, destinations);
    }

    private static List<FileChange> output(List<TreeDiff.Delta> queue, List<Spec> sources, List<Spec> destinations) {
        Spec[] byQueue = new Spec[queue.size()];
        for (Spec s : sources) {
            byQueue[s.queueIndex] = s;
        }
        for (Spec d : destinations) {
            byQueue[d.queueIndex] = d;
        }
        List<FileChange> files = new ArrayList<>(queue.size());
        for (int i = 0; i < queue.size(); i++) {
            TreeDiff.Delta d = queue.get(i);
            switch (d.kind()) {
                case ADDED -> {
                    Spec dst = byQueue[i];
                    files.add(dst.isPaired()
                            ? FileChange.renamed(dst.pairedWith.path, d.path())
                            : FileChange.added(d.path()));
                }
                case DELETED -> {
                    if (!byQueue[i].used) {
                        files.add(FileChange.deleted(d.path()));
                    }
                }
                default -> files.add(FileChange.modified(d.path()));
            }
        }
        return files;
    }

    private static Spec[] unused(Spec[] sources) {
        return Arrays.stream(sources).filter(s -> !s.used).toArray(Spec[]::new);
    }

    private static void link(Spec dst, Spec src) {
        src.used = true;
        dst.pairedWith = src;
    }

    // --- 1. exact renames (find_exact_renames) --------------------------------------------------

    private void exact(Spec[] src, Spec[] dst) {
        Map<ObjectId, List<Integer>> byId = new HashMap<>();
        for (int i = 0; i < src.length; i++) {
            byId.computeIfAbsent(src[i].id, k -> new ArrayList<>(1)).add(i);
        }
        for (Spec d : dst) {
            List<Integer> same = byId.get(d.id);
            if (same == null) {
                continue;
            }
            Spec best = null;
            int bestScore = -1;
            int tries = EXACT_TRIES;
            for (int i : same) {
                Spec s = src[i];
                // non-regular files (symlinks, submodules) need the same mode
                if ((!isRegular(s.mode) || !isRegular(d.mode)) && s.mode != d.mode) {
                    continue;
                }
                if (s.used) {
                    continue;
                }
                int score = 1 + (s.basename.equals(d.basename) ? 1 : 0);
                if (score > bestScore) {
                    best = s;
                    bestScore = score;
                    if (score == 2) {
                        break;
                    }
                }
                if (--tries == 0) {
                    break; // git's cap on identical alternatives
                }
            }
            if (best != null) {
                link(d, best);
            }
        }
    }

    // --- 2. basename matches (find_basename_matches) --------------------------------------------

    private void basenames(Spec[] src, Spec[] dst) throws IOException {
        Map<String, Integer> sourceByName = new HashMap<>();
        for (int i = 0; i < src.length; i++) {
            sourceByName.merge(src[i].basename, i, (a, b) -> -1);
        }
        Map<String, Integer> destinationByName = new HashMap<>();
        for (int i = 0; i < dst.length; i++) {
            if (!dst[i].isPaired()) {
                destinationByName.merge(dst[i].basename, i, (a, b) -> -1);
            }
        }
        for (int i = 0; i < src.length; i++) {
            String base = src[i].basename;
            Integer d = destinationByName.get(base);
            // only a basename unique on both sides is a hint (git's directory-rename guess needs merge data)
            if (d == null || d == -1 || sourceByName.get(base) == -1 || dst[d].isPaired()) {
                continue;
            }
            if (similarity(src[i], dst[d], BASENAME_SCORE) >= BASENAME_SCORE) {
                link(dst[d], src[i]);
            }
        }
    }

    // --- 3. the exhaustive matrix -----------------------------------------------------------------

    /** One candidate pair; {@code dst < 0} is an empty slot. */
    private record Score(int dst, int src, int score, int nameScore) {}

    private static final Score EMPTY = new Score(-1, -1, 0, 0);

    private void matrix(Spec[] src, Spec[] dst) throws IOException {
        List<Score> mx = new ArrayList<>();
        Score[] m = new Score[CANDIDATES_PER_DST];
        for (int i = 0; i < dst.length; i++) {
            if (dst[i].isPaired()) {
                continue;
            }
            Arrays.fill(m, EMPTY);
            Spec d = dst[i];
            for (int j = 0; j < src.length; j++) {
                Spec s = src[j];
                int nameScore = s.basename.equals(d.basename) ? 1 : 0;
                // git's record_if_better: the worst slot (empty ones first) gives way to a better candidate
                int worst = 0;
                for (int k = 1; k < CANDIDATES_PER_DST; k++) {
                    if (compare(m[k], m[worst]) > 0) {
                        worst = k;
                    }
                }
                // a score is at most what the smaller file's size allows: a candidate that cannot beat the worst
                // slot even so would change nothing, so its content is not compared (the result is git's)
                if (m[worst].dst >= 0 && compare(m[worst], i, bound(s, d), nameScore) <= 0) {
                    continue;
                }
                int score = similarity(s, d, MIN_SCORE, m[worst], i, nameScore);
                if (compare(m[worst], i, score, nameScore) > 0) {
                    m[worst] = new Score(i, j, score, nameScore);
                }
            }
            mx.addAll(Arrays.asList(m));
        }
        // List.sort is stable, as git's STABLE_QSORT: equal candidates keep their matrix order
        mx.sort(Renames::compare);
        for (Score c : mx) {
            if (c.dst < 0 || c.score < MIN_SCORE) {
                break; // sorted: no usable pair follows
            }
            Spec d = dst[c.dst];
            Spec s = src[c.src];
            if (!d.isPaired() && !s.used) {
                link(d, s);
            }
        }
    }

    /** git's score_compare: best first (score, then same basename), empty slots last. */
    private static int compare(Score a, Score b) {
        return compare(a, b.dst, b.score, b.nameScore);
    }

    private static int compare(Score a, int bDst, int bScore, int bNameScore) {
        if (a.dst < 0) {
            return bDst >= 0 ? 1 : 0;
        }
        if (bDst < 0) {
            return -1;
        }
        if (a.score == bScore) {
            return bNameScore - a.nameScore;
        }
        return bScore - a.score;
    }

    // --- similarity (estimate_similarity and diffcore_count_changes) ------------------------------

    private int similarity(Spec src, Spec dst, int minimum) throws IOException {
        return similarity(src, dst, minimum, null, 0, 0);
    }

    /**
     * git's estimate_similarity. With {@code worst} (a destination's worst kept candidate), the content is
     * only compared when the bytes hashed on both sides could still beat it; else the bound is returned.
     */
    private int similarity(Spec src, Spec dst, int minimum, Score worst, int dstIndex, int nameScore)
            throws IOException {
        if (!isRegular(src.mode) || !isRegular(dst.mode)) {
            return 0; // symlinks and submodules are renamed only when exact
        }
        long srcSize = size(src);
        long dstSize = size(dst);
        long max = Math.max(srcSize, dstSize);
        long delta = max - Math.min(srcSize, dstSize);
        // git's arithmetic is in double (MAX_SCORE is 60000.0): a size change this large cannot reach the minimum
        if (max * (double) (MAX_SCORE - minimum) < delta * (double) MAX_SCORE) {
            return 0;
        }
        if (dstSize == 0) {
            return 0;
        }
        Counts srcCounts = counts(src);
        Counts dstCounts = counts(dst);
        int bound = (int) (Math.min(srcCounts.hashed, dstCounts.hashed) * (double) MAX_SCORE / max);
        if (worst != null && worst.dst >= 0 && compare(worst, dstIndex, bound, nameScore) <= 0) {
            return bound; // no better than the worst kept: not kept either way
        }
        return (int) (copied(srcCounts, dstCounts) * (double) MAX_SCORE / max);
    }

    /** The highest score the two sizes allow (the shared bytes are at most the smaller file's), 0 if none. */
    private int bound(Spec src, Spec dst) throws IOException {
        if (!isRegular(src.mode) || !isRegular(dst.mode)) {
            return 0;
        }
        long srcSize = size(src);
        long dstSize = size(dst);
        long max = Math.max(srcSize, dstSize);
        if (dstSize == 0 || max * (double) (MAX_SCORE - MIN_SCORE) < (max - Math.min(srcSize, dstSize)) * (double) MAX_SCORE) {
            return 0;
        }
        return (int) (Math.min(srcSize, dstSize) * (double) MAX_SCORE / max);
    }

    private long size(Spec s) throws IOException {
        if (s.size < 0) {
            s.size = reader.getObjectSize(s.id, Constants.OBJ_BLOB);
        }
        return s.size;
    }

    private Counts counts(Spec s) throws IOException {
        if (s.counts == null) {
            ObjectLoader loader = reader.open(s.id, Constants.OBJ_BLOB);
            if (loader.isLarge()) {
                try (ObjectStream in = loader.openStream()) {
                    s.counts = spans(in);
                }
            } else {
                byte[] bytes = loader.getCachedBytes();
                s.counts = spans(bytes, bytes.length);
            }
        }
        return s.counts;
    }

    /**
     * A file's span counts: the bytes hashed into each bucket, by bucket (git keeps an unsigned int per
     * bucket, so a count is read unsigned).
     *
     * @param buckets the buckets used, ascending
     * @param bytes   the bytes hashed into each
     * @param hashed  their sum
     */
    record Counts(int[] buckets, int[] bytes, long hashed) {}

    /** The bytes of {@code dst} that come from {@code src}: per bucket, the smaller of the two counts. */
    static long copied(Counts src, Counts dst) {
        int[] sb = src.buckets;
        int[] db = dst.buckets;
        int i = 0;
        int j = 0;
        long copied = 0;
        while (i < sb.length && j < db.length) {
            int a = sb[i];
            int b = db[j];
            if (a < b) {
                i++;
            } else if (a > b) {
                j++;
            } else {
                copied += Math.min(Integer.toUnsignedLong(src.bytes[i++]), Integer.toUnsignedLong(dst.bytes[j++]));
            }
        }
        return copied;
    }

    /** git's hash_chars over a whole buffer. */
    static Counts spans(byte[] buf, int length) {
        Spans spans = new Spans(!isBinary(buf, Math.min(length, BINARY_PROBE)));
        spans.add(buf, 0, length, -1);
        return spans.sorted();
    }

    /** git's hash_chars over a stream, for contents too large to hold at once. */
    static Counts spans(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        int n = in.readNBytes(buf, 0, buf.length);
        Spans spans = new Spans(!isBinary(buf, Math.min(n, BINARY_PROBE)));
        while (n > 0) {
            // one byte of look-ahead: a CR at the buffer's end may be the first half of a CRLF
            int after = n == buf.length ? in.read() : -1;
            spans.add(buf, 0, n, after);
            if (after < 0) {
                break;
            }
            buf[0] = (byte) after;
            n = 1 + in.readNBytes(buf, 1, buf.length - 1);
        }
        return spans.sorted();
    }

    private static boolean isBinary(byte[] buf, int probe) {
        for (int i = 0; i < probe; i++) {
            if (buf[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Accumulates git's span hashes: a chunk ends at a newline or after 64 bytes; with text, the CR of a
     * CRLF is skipped. A last chunk without either end is not counted, as in git.
     */
    private static final class Spans {
        private final boolean text;
        // open addressing, bucket -> bytes; buckets are below HASHBASE, so -1 marks a free slot
        private int[] buckets = new int[64];
        private long[] bytes = new long[64];
        private int size;
        private int accum1;
        private int accum2;
        private int n;

        Spans(boolean text) {
            this.text = text;
            Arrays.fill(buckets, -1);
        }

        /** Hashes {@code buf[from, to)}; {@code after} is the byte that follows it, or -1 at the end. */
        void add(byte[] buf, int from, int to, int after) {
            for (int i = from; i < to; i++) {
                int c = buf[i] & 0xff;
                if (c == '\r' && text && (i + 1 < to ? buf[i + 1] & 0xff : after) == '\n') {
                    continue;
                }
                int old1 = accum1;
                accum1 = (accum1 << 7) ^ (accum2 >>> 25);
                accum2 = (accum2 << 7) ^ (old1 >>> 25);
                accum1 += c;
                if (++n < CHUNK && c != '\n') {
                    continue;
                }
                count(Integer.remainderUnsigned(accum1 + accum2 * 0x61, HASHBASE), n);
                n = 0;
                accum1 = 0;
                accum2 = 0;
            }
        }

        private void count(int bucket, int length) {
            int mask = buckets.length - 1;
            int slot = (bucket * 0x9E3779B1 >>> 7) & mask;
            while (buckets[slot] != -1 && buckets[slot] != bucket) {
                slot = (slot + 1) & mask;
            }
            if (buckets[slot] == -1) {
                buckets[slot] = bucket;
                size++;
            }
            bytes[slot] += length;
            if (size * 2 > buckets.length) {
                grow();
            }
        }

        private void grow() {
            int[] oldBuckets = buckets;
            long[] oldBytes = bytes;
            buckets = new int[oldBuckets.length * 2];
            bytes = new long[oldBytes.length * 2];
            Arrays.fill(buckets, -1);
            int mask = buckets.length - 1;
            for (int i = 0; i < oldBuckets.length; i++) {
                if (oldBuckets[i] != -1) {
                    int slot = (oldBuckets[i] * 0x9E3779B1 >>> 7) & mask;
                    while (buckets[slot] != -1) {
                        slot = (slot + 1) & mask;
                    }
                    buckets[slot] = oldBuckets[i];
                    bytes[slot] = oldBytes[i];
                }
            }
        }

        Counts sorted() {
            long[] packed = new long[size];
            int j = 0;
            for (int i = 0; i < buckets.length; i++) {
                if (buckets[i] != -1) {
                    packed[j++] = ((long) buckets[i] << 32) | (bytes[i] & 0xffffffffL);
                }
            }
            Arrays.sort(packed); // by bucket
            int[] sortedBuckets = new int[size];
            int[] sortedBytes = new int[size];
            long hashed = 0;
            for (int i = 0; i < size; i++) {
                sortedBuckets[i] = (int) (packed[i] >>> 32);
                sortedBytes[i] = (int) packed[i];
                hashed += packed[i] & 0xffffffffL;
            }
            return new Counts(sortedBuckets, sortedBytes, hashed);
        }
    }

    // --- small helpers ------------------------------------------------------------------------------

    private static boolean isRegular(int mode) {
        return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
    }

    private static String basename(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

}
