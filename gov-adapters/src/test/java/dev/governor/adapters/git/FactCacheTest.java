package dev.governor.adapters.git;

import dev.governor.api.Change;
import dev.governor.api.FileChange;
import dev.governor.api.Policy;
import dev.governor.api.Trailer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fact cache is keyed on everything that shapes a commit's data, not on its SHA alone (issue 6,
 * item 4: changing {@code diff.renameLimit} left stale results until the cache was deleted by hand), and
 * refuses any file it cannot fully trust.
 */
class FactCacheTest {

    private static final String SETTINGS = "renames=test;shallow=none";
    private static final CommitData FULL = new CommitData("0123456789abcdef0123456789abcdef01234567", 1_700_000_000L,
            "ann@example.com", "Merge pull request #7 from acme/x", "fix: round", List.of(new Trailer("Risk", "low")),
            "fedcba9876543210fedcba9876543210fedcba98",
            List.of(FileChange.added("a"), FileChange.modified("b"), FileChange.deleted("c"), FileChange.renamed("d", "e"),
                    new FileChange(FileChange.Kind.COPIED, "f", "g")),
            List.of(new CommitData.Merged("bob@example.com", List.of(new Trailer("Change-Type", "feature")), null,
                            1_699_000_000L),
                    new CommitData.Merged(null, List.of(), "abcdef1", 1_698_000_000L)), 1_699_999_000L);
    private static final CommitData BARE = new CommitData("1111111111111111111111111111111111111111", 0, null, "",
            null, List.of(), null, List.of(), List.of(), 0);

    @TempDir
    Path dir;

    private FactCache cache(String settings) {
        return new FactCache(dir, settings);
    }

    @Test
    void a_changed_rename_limit_in_git_config_leaves_no_stale_files() {
        PlainGit git = PlainGit.init(dir);
        for (int i = 0; i < 3; i++) {
            git.write("old/f" + i + ".txt", "line one of " + i + "\nline two\nline three\nline four\n");
        }
        git.commit("init", 0);
        for (int i = 0; i < 3; i++) {
            git.delete("old/f" + i + ".txt").write("new/f" + i + ".txt", "line one of " + i + "\nline two\nline three\nline 4\n");
        }
        String move = git.commit("move", 1);
        git.run("config", "diff.renameLimit", "1");
        read(true);

        git.run("config", "--unset", "diff.renameLimit");
        List<FileChange> cached = read(true);

        assertThat(cached).isEqualTo(read(false)).isEqualTo(git.log("HEAD").get(move))
                .allMatch(f -> f.kind() == FileChange.Kind.RENAMED).hasSize(3);
    }

    private List<FileChange> read(boolean useCache) {
        try (GitHistory history = GitHistory.open(dir, useCache)) {
            List<Change> changes = history.read(null, null, Policy.defaults()).changes();
            return changes.get(changes.size() - 1).files();
        }
    }

    @Test
    void every_field_survives_a_round_trip() throws IOException {
        // FULL last: its last string ends exactly at the checksum, the edge of the length check
        Map<String, CommitData> decoded = FactCache.decode(SETTINGS, FactCache.encode(SETTINGS, List.of(BARE, FULL)));

        assertThat(decoded).containsOnlyKeys(FULL.sha(), BARE.sha());
        assertThat(decoded.get(FULL.sha())).isEqualTo(FULL);
        assertThat(decoded.get(BARE.sha())).isEqualTo(BARE);
    }

    @Test
    void a_stored_cache_loads_under_the_same_settings() {
        cache(SETTINGS).store(List.of(FULL));

        assertThat(cache(SETTINGS).load()).containsOnlyKeys(FULL.sha());
        assertThat(cache(SETTINGS).file()).isEqualTo(dir.resolve("governor").resolve("commits-v3.bin")).exists();
    }

    @Test
    void a_cache_written_under_other_settings_is_not_used() {
        cache("renames=git-2.33:limit=400;shallow=none").store(List.of(FULL));
        Map<String, CommitData> loaded = cache(SETTINGS).load();

        assertThat(loaded).isEmpty();
        loaded.put(BARE.sha(), BARE);
    }

    @Test
    void other_settings_are_refused_by_name() {
        assertThatThrownBy(() -> FactCache.decode(SETTINGS, FactCache.encode("other", List.of(FULL))))
                .isInstanceOf(FactCache.OtherSettings.class).hasMessage("written under 'other'");
    }

    @Test
    void a_missing_file_is_an_empty_cache_that_takes_new_commits() {
        Map<String, CommitData> loaded = cache(SETTINGS).load();

        assertThat(loaded).isEmpty();
        loaded.put(BARE.sha(), BARE); // the reader adds what it diffs
    }

    @Test
    void storing_replaces_the_file_of_an_older_version() throws IOException {
        Path governor = Files.createDirectories(dir.resolve("governor"));
        Files.writeString(governor.resolve("commits-v1.bin"), "old");
        Files.writeString(governor.resolve("notes.txt"), "kept");

        cache(SETTINGS).store(List.of(BARE));

        try (var files = Files.list(governor)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("commits-v3.bin", "notes.txt");
        }
    }

    @Test
    void storing_where_no_file_can_be_written_only_costs_speed() throws IOException {
        Files.writeString(dir.resolve("governor"), "a file where the cache directory should be");

        cache(SETTINGS).store(List.of(FULL));

        assertThat(cache(SETTINGS).load()).isEmpty();
    }

    @Test
    void an_unreadable_cache_path_is_ignored() throws IOException {
        Files.createDirectories(dir.resolve("governor").resolve(FactCache.FILE_NAME));
        Map<String, CommitData> loaded = cache(SETTINGS).load();

        assertThat(loaded).isEmpty();
        loaded.put(BARE.sha(), BARE);
    }

    @Test
    void a_corrupt_file_is_ignored() throws IOException {
        cache(SETTINGS).store(List.of(FULL));
        Path file = cache(SETTINGS).file();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(file, bytes);
        Map<String, CommitData> loaded = cache(SETTINGS).load();

        assertThat(loaded).isEmpty();
        loaded.put(BARE.sha(), BARE);
    }

    @Test
    void a_file_too_short_to_hold_a_checksum_is_refused() {
        assertThatThrownBy(() -> FactCache.decode(SETTINGS, new byte[19])).hasMessage("too short");
        assertThatThrownBy(() -> FactCache.decode(SETTINGS, new byte[20])).hasMessage("checksum mismatch");
    }

    @Test
    void a_checksum_mismatch_is_refused() throws IOException {
        byte[] bytes = FactCache.encode(SETTINGS, List.of(BARE));
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> FactCache.decode(SETTINGS, bytes)).hasMessage("checksum mismatch");
    }

    @Test
    void another_format_or_version_is_refused() throws IOException {
        assertThatThrownBy(() -> FactCache.decode(SETTINGS, sealed(body(0x12345678, FactCache.VERSION))))
                .hasMessage("not a version 3 fact cache");
        assertThatThrownBy(() -> FactCache.decode(SETTINGS, sealed(body(0x474f5646, 2))))
                .hasMessage("not a version 3 fact cache");
    }

    @Test
    void trailing_bytes_are_refused() throws IOException {
        byte[] bytes = FactCache.encode(SETTINGS, List.of(BARE));
        byte[] body = Arrays.copyOf(bytes, bytes.length - 8 + 1); // one more byte before the checksum

        assertThatThrownBy(() -> FactCache.decode(SETTINGS, sealed(body))).hasMessage("trailing bytes");
    }

    @Test
    void a_string_longer_than_the_file_is_refused() throws IOException {
        ByteArrayOutputStream buffer = header();
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(1);
        out.writeInt(1000); // the SHA's length
        out.write(new byte[10]);

        assertThatThrownBy(() -> FactCache.decode(SETTINGS, sealed(buffer.toByteArray()))).hasMessage("bad string length 1000");
    }

    @Test
    void a_negative_string_length_is_refused() throws IOException {
        ByteArrayOutputStream buffer = header();
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(1);
        out.writeInt(-2);

        assertThatThrownBy(() -> FactCache.decode(SETTINGS, sealed(buffer.toByteArray()))).hasMessage("bad string length -2");
    }

    private static ByteArrayOutputStream header() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(0x474f5646);
        out.writeInt(FactCache.VERSION);
        byte[] settings = SETTINGS.getBytes(StandardCharsets.UTF_8);
        out.writeInt(settings.length);
        out.write(settings);
        return buffer;
    }

    private static byte[] body(int magic, int version) {
        return ByteBuffer.allocate(24).putInt(magic).putInt(version).array();
    }

    /** {@code body} followed by its CRC-32, as the cache writes it. */
    private static byte[] sealed(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return ByteBuffer.allocate(body.length + 8).put(body).putLong(crc.getValue()).array();
    }
}
