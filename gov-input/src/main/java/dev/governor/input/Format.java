package dev.governor.input;

import java.util.List;
import java.util.Locale;

/**
 * The structured formats Governor reads, told apart by the file name's extension.
 *
 * <pre>{@code
 * Format.of("governance.yml")         // YAML
 * Format.of(".gov/prs/412.json")      // JSON
 * Format.of(".gov/deployments.jsonl") // JSON_LINES
 * Format.of("notes.txt")              // IllegalArgumentException naming the file and the extensions
 * }</pre>
 */
public enum Format {
    /** YAML 1.1 as SnakeYAML reads it, one document per file: {@code .yml}, {@code .yaml}. */
    YAML(List.of("yml", "yaml")),
    /** One JSON value per file: {@code .json}. */
    JSON(List.of("json")),
    /** One JSON value per line, blank lines skipped: {@code .jsonl}, {@code .ndjson}. */
    JSON_LINES(List.of("jsonl", "ndjson"));

    private final List<String> extensions;

    Format(List<String> extensions) {
        this.extensions = extensions;
    }

    /**
     * The format of a file by its extension, ignoring case.
     *
     * @param fileName a file name or path, such as {@code .gov/deployments.yml}
     * @throws IllegalArgumentException when the extension is none of the accepted ones
     */
    public static Format of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (Format format : values()) {
            if (format.extensions.contains(extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException("cannot tell the format of '" + fileName
                + "': name it .yml, .yaml, .json, .jsonl or .ndjson");
    }
}
