package dev.governor.adapters.records;

import dev.governor.api.GovernanceException;
import dev.governor.input.Limits;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.input.StructuredInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds and reads one kind of record in a repository's {@code .gov/} folder: {@code <name>.yml}, {@code .yaml},
 * {@code .json} or {@code .jsonl} (formats.md: "YAML or JSON (a list, or JSON Lines)"), one record at a time
 * through gov-input, so a long deployment log is never one tree in memory. Two files of one kind, an unknown
 * field and a repeated id are errors with file and line: a record that is misread must not pass silently.
 */
final class RecordFiles {
    static final String DIR = ".gov";
    private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json", ".jsonl");

    private RecordFiles() {
    }

    /** The record file of this kind, if the repository has one. */
    static Path find(Path repository, String name) {
        List<Path> found = new ArrayList<>();
        for (String ext : EXTENSIONS) {
            Path file = repository.resolve(DIR).resolve(name + ext);
            if (Files.isRegularFile(file)) {
                found.add(file);
            }
        }
        if (found.size() > 1) {
            throw new GovernanceException(display(repository, found.get(1)), 0, "both " + display(repository, found.get(0))
                    + " and this file hold " + name + ": keep one, so that no record is read twice or missed");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The file as messages name it: relative to the repository. */
    static String display(Path repository, Path file) {
        return repository.relativize(file).toString().replace('\\', '/');
    }

    /**
     * Every record of the file, each read by {@code read} from its map (whose keys are checked against
     * {@code fields}); ids must be unique.
     */
    static <T> List<T> read(Path repository, Path file, List<String> fields, Function<MapNode, T> read,
                            Function<T, String> id) {
        List<T> out = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        StructuredInput.forEachItem(file, display(repository, file), Limits.RECORDS, node -> {
            MapNode record = node.asMap().only(fields);
            T value = read.apply(record);
            if (id != null) {
                Integer earlier = lines.putIfAbsent(id.apply(value), node.line());
                if (earlier != null) {
                    throw node.error("id '" + id.apply(value) + "' is also used on line " + earlier
                            + ": give each record an id of its own");
                }
            }
            out.add(value);
        });
        return out;
    }

    /** An optional instant: absent or null is {@code null}. */
    static Instant instant(MapNode record, String field) {
        Node node = record.opt(field);
        return node == null ? null : node.asInstant();
    }

    /** An optional text: absent or null is {@code null}. */
    static String text(MapNode record, String field) {
        Node node = record.opt(field);
        return node == null ? null : node.asString();
    }
}
