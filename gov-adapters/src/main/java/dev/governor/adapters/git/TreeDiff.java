package dev.governor.adapters.git;

import dev.governor.api.FileChange;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.util.RawParseUtils;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The name-status diff of two trees, as a recursive {@code TreeWalk} with {@code ANY_DIFF} gives it,
 * but comparing the raw tree entries in one merge pass as C git does: equal entries (same name, mode
 * and id) are skipped without being decoded, which a 50k-commit read showed to be most of its time.
 * Entries come out in git's tree order, which is the order of C git's diff queue: rename detection
 * ({@link Renames}) pairs them and keeps that order, as git does.
 */
final class TreeDiff {

    private static final byte[] EMPTY = new byte[0];

    private final ObjectReader reader;

    TreeDiff(ObjectReader reader) {
        this.reader = reader;
    }

    /**
     * One difference: a file added, deleted or modified (content or mode) at one path.
     *
     * @param kind    {@code ADDED}, {@code DELETED} or {@code MODIFIED}
     * @param path    its path
     * @param oldMode its mode before ({@code 0} when added)
     * @param oldId   its content before ({@code null} when added)
     * @param newMode its mode after ({@code 0} when deleted)
     * @param newId   its content after ({@code null} when deleted)
     */
    record Delta(FileChange.Kind kind, String path, int oldMode, ObjectId oldId, int newMode, ObjectId newId) {}

    /** Adds the differences from {@code oldTree} (or the empty tree when {@code null}) to {@code newTree}. */
    void diff(ObjectId oldTree, ObjectId newTree, List<Delta> out) throws IOException {
        diff(oldTree == null ? EMPTY : bytes(oldTree), bytes(newTree), "", out);
    }

    private byte[] bytes(ObjectId tree) throws IOException {
        return reader.open(tree, Constants.OBJ_TREE).getCachedBytes();
    }

    private void diff(byte[] a, byte[] b, String prefix, List<Delta> out) throws IOException {
        Cursor x = new Cursor(a);
        Cursor y = new Cursor(b);
        boolean hasX = x.next();
        boolean hasY = y.next();
        while (hasX || hasY) {
            if (hasX && hasY) {
                // skip a run of byte-identical entries with one vectorised comparison, parsing one side only
                int m = Arrays.mismatch(a, x.start, a.length, b, y.start, b.length);
                if (m < 0) {
                    return;
                }
                if (x.next <= x.start + m) {
                    int limit = x.start + m;
                    int base = x.start;
                    while (hasX && x.next <= limit) {
                        hasX = x.next();
                    }
                    int consumed = (hasX ? x.start : a.length) - base;
                    y.seek(y.start + consumed);
                    hasY = y.next();
                    continue;
                }
            }
            int cmp = !hasX ? 1 : !hasY ? -1 : Cursor.compare(x, y);
            if (cmp == 0) {
                if (!x.sameEntry(y)) {
                    String path = prefix + x.name();
                    if (x.isTree()) {
                        diff(bytes(x.id()), bytes(y.id()), path + "/", out);
                    } else {
                        out.add(new Delta(FileChange.Kind.MODIFIED, path, x.mode, x.id(), y.mode, y.id()));
                    }
                }
                hasX = x.next();
                hasY = y.next();
            } else if (cmp < 0) {
                String path = prefix + x.name();
                if (x.isTree()) {
                    diff(bytes(x.id()), EMPTY, path + "/", out);
                } else {
                    out.add(new Delta(FileChange.Kind.DELETED, path, x.mode, x.id(), 0, null));
                }
                hasX = x.next();
            } else {
                String path = prefix + y.name();
                if (y.isTree()) {
                    diff(EMPTY, bytes(y.id()), path + "/", out);
                } else {
                    out.add(new Delta(FileChange.Kind.ADDED, path, 0, null, y.mode, y.id()));
                }
                hasY = y.next();
            }
        }
    }

    /** One tree's entries: {@code <octal mode> SP <name> NUL <20-byte id>}, in git's order. */
    private static final class Cursor {
        private final byte[] buf;
        private int next;
        private int start;
        private int mode;
        private int nameStart;
        private int nameEnd;

        Cursor(byte[] buf) {
            this.buf = buf;
        }

        boolean next() throws IOException {
            if (next >= buf.length) {
                return false;
            }
            start = next;
            int p = next;
            int m = 0;
            while (p < buf.length && buf[p] != ' ') {
                m = (m << 3) + (buf[p++] - '0');
            }
            nameStart = p + 1;
            p = nameStart;
            while (p < buf.length && buf[p] != 0) {
                p++;
            }
            nameEnd = p;
            next = nameEnd + 1 + Constants.OBJECT_ID_LENGTH;
            if (next > buf.length) {
                throw new IOException("corrupt tree object: an entry runs past its end");
            }
            mode = m;
            return true;
        }

        /** Makes the entry at {@code offset} the next one {@link #next()} reads. */
        void seek(int offset) {
            next = offset;
        }

        boolean isTree() {
            return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
        }

        String name() {
            return RawParseUtils.decode(buf, nameStart, nameEnd);
        }

        ObjectId id() {
            return ObjectId.fromRaw(buf, nameEnd + 1);
        }

        /** Same mode, name and id: the raw entries are byte-for-byte equal. */
        boolean sameEntry(Cursor o) {
            int len = next - start;
            return len == o.next - o.start
                    && Arrays.equals(buf, start, next, o.buf, o.start, o.next);
        }

        /** git's tree order: names compare bytewise, a tree's name as if it ended in '/'. */
        static int compare(Cursor a, Cursor b) {
            int la = a.nameEnd - a.nameStart;
            int lb = b.nameEnd - b.nameStart;
            int n = Math.min(la, lb);
            for (int i = 0; i < n; i++) {
                int d = (a.buf[a.nameStart + i] & 0xff) - (b.buf[b.nameStart + i] & 0xff);
                if (d != 0) {
                    return d;
                }
            }
            int ca = la > n ? a.buf[a.nameStart + n] & 0xff : a.isTree() ? '/' : 0;
            int cb = lb > n ? b.buf[b.nameStart + n] & 0xff : b.isTree() ? '/' : 0;
            return ca - cb;
        }
    }
}
