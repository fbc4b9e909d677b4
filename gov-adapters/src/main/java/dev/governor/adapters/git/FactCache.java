package dev.governor.adapters.git;

import dev.governor.api.FileChange;
import dev.governor.api.Trailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The per-commit fact cache under the repository's git directory ({@code governor/commits-v3.bin}).
 * A commit's raw data is fixed by its SHA and by the settings that shape it: how renames are detected
 * ({@link Renames#SETTINGS}) and which commits a shallow clone lacks. The file records those settings and
 * is used only under the same ones, so changing them never leaves stale results; entries are keyed by
 * SHA within it. The file is versioned, checksummed and replaced atomically. It is only an accelerator: a
 * missing, foreign, outdated or corrupt file is ignored (and rewritten), and deleting it is always safe.
 */
final class FactCache {

    private static final Logger LOG = LoggerFactory.getLogger(FactCache.class);
    private static final int MAGIC = 0x474f5646; // "GOVF"
    // bump when CommitData's shape changes; a change in how it is computed goes into the settings
    static final int VERSION = 3;
    static final String FILE_NAME = "commits-v" + VERSION + ".bin";
    private static final String FILE_PREFIX = "commits-v";

    private static final FileChange.Kind[] KINDS = FileChange.Kind.values();

    private final Path file;
    private final String settings;

    /**
     * @param gitDir   the repository's git directory
     * @param settings everything besides the SHA that shapes a commit's data ({@link CommitReader#settings})
     */
    FactCache(Path gitDir, String settings) {
        this.file = gitDir.resolve("governor").resolve(FILE_NAME);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    Path file() {
        return file;
    }

    /** The cached commits by SHA; empty when there is no usable cache file for these settings. */
    Map<String, CommitData> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new HashMap<>();
        } catch (IOException e) {
            LOG.warn("ignoring the fact cache {}: {}", file, e.toString());
            return new HashMap<>();
        }
        try {
            return decode(settings, bytes);
        } catch (OtherSettings e) {
            LOG.info("the fact cache {} was written under other settings; it will be rebuilt ({})", file, e.getMessage());
            return new HashMap<>();
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring the corrupt fact cache {} (it will be rebuilt): {}", file, e.toString());
            return new HashMap<>();
        }
    }

    /** Replaces the cache file with these commits; a failure only costs speed, so it is logged, not thrown. */
    void store(Collection<CommitData> commits) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), "commits", ".tmp");
            Files.write(tmp, encode(settings, commits));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            removeOtherVersions();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not write the fact cache {}: {}", file, e.toString());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temp file is harmless; the next write replaces the cache anyway
                }
            }
        }
    }

    /** An older version's file would never be read again: it only takes space. */
    private void removeOtherVersions() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(file.getParent(), FILE_PREFIX + "*.bin")) {
            for (Path other : files) {
                if (!other.getFileName().equals(file.getFileName())) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    /** A well-formed cache file written under other settings: not corrupt, just not ours to use. */
    static final class OtherSettings extends IOException {
        private static final long serialVersionUID = 1L;

        OtherSettings(String found) {
            super("written under '" + found + "'");
        }
    }

    static byte[] encode(String settings, Collection<CommitData> commits) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 + commits.size() * 256);
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        writeString(out, settings);
        out.writeInt(commits.size());
        for (CommitData c : commits) {
            writeString(out, c.sha());
            out.writeLong(c.commitTime());
            writeString(out, c.authorEmail());
            writeString(out, c.subject());
            writeString(out, c.title());
            writeTrailers(out, c.trailers());
            writeString(out, c.reverts());
            out.writeInt(c.files().size());
            for (FileChange f : c.files()) {
                out.writeByte(f.kind().ordinal());
                writeString(out, f.oldPath());
                writeString(out, f.newPath());
            }
            out.writeInt(c.merged().size());
            for (CommitData.Merged m : c.merged()) {
                writeString(out, m.authorEmail());
                writeTrailers(out, m.trailers());
                writeString(out, m.reverts());
                out.writeLong(m.authorTime());
            }
            out.writeLong(c.authorTime());
        }
        // a DataOutputStream writes straight through to the byte buffer: nothing to flush
        CRC32 crc = new CRC32();
        crc.update(buffer.toByteArray());
        out.writeLong(crc.getValue());
        return buffer.toByteArray();
    }

    static Map<String, CommitData> decode(String settings, byte[] bytes) throws IOException {
        if (bytes.length < 20) {
            throw new IOException("too short");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = new DataInputStream(new ByteArrayInputStream(bytes, bytes.length - 8, 8)).readLong();
        if (stored != crc.getValue()) {
            throw new IOException("checksum mismatch");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a version " + VERSION + " fact cache");
        }
        String written = readString(in);
        if (!settings.equals(written)) {
            throw new OtherSettings(written);
        }
        int count = in.readInt();
        Map<String, CommitData> commits = new HashMap<>(Math.max(16, count * 2));
        for (int i = 0; i < count; i++) {
            String sha = readString(in);
            long time = in.readLong();
            String email = readString(in);
            String subject = readString(in);
            String title = readString(in);
            List<Trailer> trailers = readTrailers(in);
            String reverts = readString(in);
            int nFiles = in.readInt();
            List<FileChange> files = new ArrayList<>(nFiles);
            for (int f = 0; f < nFiles; f++) {
                FileChange.Kind kind = KINDS[in.readUnsignedByte()];
                files.add(new FileChange(kind, readString(in), readString(in)));
            }
            int nMerged = in.readInt();
            List<CommitData.Merged> merged = new ArrayList<>(nMerged);
            for (int m = 0; m < nMerged; m++) {
                merged.add(new CommitData.Merged(readString(in), readTrailers(in), readString(in), in.readLong()));
            }
            commits.put(sha, new CommitData(sha, time, email, subject, title, trailers, reverts, files, merged,
                    in.readLong()));
        }
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        return commits;
    }

    private static void writeTrailers(DataOutputStream out, List<Trailer> trailers) throws IOException {
        out.writeInt(trailers.size());
        for (Trailer t : trailers) {
            writeString(out, t.key());
            writeString(out, t.value());
        }
    }

    private static List<Trailer> readTrailers(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<Trailer> trailers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            trailers.add(new Trailer(readString(in), readString(in)));
        }
        return trailers;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > in.available()) {
            throw new IOException("bad string length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
