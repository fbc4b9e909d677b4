package dev.governor.test;

import dev.governor.api.Finding;
import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The store of a frozen rule: the fingerprints of the violations it accepted, one a line, sorted, after a
 * comment naming the rule. Fingerprints leave wording and severity out, so rewording a message does not
 * resurface an accepted violation.
 */
final class Baseline {
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private Baseline() {
    }

    /** The file of a rule in {@code dir}: its description with anything but letters, digits, '.', '_', '-' as '-'. */
    static Path file(Path dir, String description) {
        String name = UNSAFE.matcher(description).replaceAll("-").replaceAll("^-+|-+$", "");
        return dir.resolve((name.isEmpty() ? "rule" : name) + ".txt");
    }

    /**
     * Accepts today's violations on the first run (creating the file); later, returns only the violations
     * not in the file, and drops from it the fingerprints that no longer occur (fixed violations).
     */
    static List<Finding> newViolations(Path file, String description, List<Finding> violations) {
        Set<String> current = new TreeSet<>();
        violations.forEach(f -> current.add(f.fingerprint()));
        if (!Files.exists(file)) {
            write(file, description, current);
            return List.of();
        }
        Set<String> accepted = read(file);
        List<Finding> fresh = new ArrayList<>();
        for (Finding f : violations) {
            if (!accepted.contains(f.fingerprint())) {
                fresh.add(f);
            }
        }
        Set<String> kept = new TreeSet<>(accepted);
        kept.retainAll(current);
        if (kept.size() != accepted.size()) {
            write(file, description, kept);
        }
        return fresh;
    }

    private static Set<String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read baseline " + file, e);
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!FINGERPRINT.matcher(line).matches()) {
                throw new GovernanceException(file.toString(), i + 1, "'" + line + "' is not a finding fingerprint "
                        + "(16 hex digits): fix the line, or delete the file to record today's violations again");
            }
            out.add(line);
        }
        return out;
    }

    private static void write(Path file, String description, Set<String> fingerprints) {
        StringBuilder text = new StringBuilder("# Governor baseline of rule '").append(description)
                .append("': accepted violations, one fingerprint a line; fixed ones are removed as they go\n");
        fingerprints.forEach(fp -> text.append(fp).append('\n'));
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write baseline " + file, e);
        }
    }
}
