package dev.governor.examples.ownership;

import dev.governor.api.Glob;
import java.util.ArrayList;
import java.util.List;

/**
 * A CODEOWNERS file in GitHub's format: one rule a line, {@code pattern owner…}, the last matching rule
 * winning; patterns follow .gitignore (a pattern with a slash before its end is anchored at the root, one
 * without matches at any depth, a trailing slash names a directory, a directory's pattern covers everything
 * below it, and a pattern ending in a wildcard such as {@code docs/*} covers only that directory's own files). A rule with no owners leaves its files unowned on purpose.
 *
 * <pre>{@code
 * CodeOwners owners = CodeOwners.parse("*.md @docs\n/src/pay/ @payments\n");
 * owners.owners("src/pay/Ledger.java");   // [@payments]
 * owners.owners("build.gradle");          // []
 * }</pre>
 */
public final class CodeOwners {
    private final List<Line> lines;

    private record Line(String pattern, boolean anchored, boolean directory, List<String> owners) {}

    private CodeOwners(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    /** Reads a CODEOWNERS file's text; comments ({@code #}) and blank lines are skipped. */
    public static CodeOwners parse(String text) {
        List<Line> lines = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            String pattern = parts[0];
            boolean directory = pattern.endsWith("/");
            String body = directory ? pattern.substring(0, pattern.length() - 1) : pattern;
            boolean anchored = body.startsWith("/") || body.contains("/");
            if (body.startsWith("/")) {
                body = body.substring(1);
            }
            lines.add(new Line(body, anchored, directory, List.of(parts).subList(1, parts.length)));
        }
        return new CodeOwners(lines);
    }

    /** The owners of a file: those of the last rule that matches it, or none. */
    public List<String> owners(String path) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Line line = lines.get(i);
            if (matches(line, path)) {
                return line.owners();
            }
        }
        return List.of();
    }

    private static boolean matches(Line line, String path) {
        String glob = line.anchored() ? line.pattern() : "**/" + line.pattern();
        if (line.pattern().isEmpty()) {
            return true; // "/" alone: the whole repository
        }
        // the file itself (unless the pattern names a directory), or any directory above it; GitHub's
        // docs/* covers docs' own files only, so a pattern ending in a wildcard names no directory
        if (!line.directory() && Glob.matches(glob, path)) {
            return true;
        }
        String last = line.pattern().substring(line.pattern().lastIndexOf('/') + 1);
        if (!line.directory() && (last.contains("*") || last.contains("?"))) {
            return false;
        }
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            if (Glob.matches(glob, path.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }
}
