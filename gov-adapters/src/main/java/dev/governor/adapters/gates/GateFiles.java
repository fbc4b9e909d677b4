package dev.governor.adapters.gates;

import dev.governor.api.GateResult;
import dev.governor.api.GovernanceException;
import dev.governor.input.Format;
import dev.governor.input.Limits;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.input.StructuredInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads gate results for one SHA. A file is JUnit XML (fails on any failure or error), SARIF 2.1.0 (fails
 * on any result of level {@code error}), Checkstyle XML (fails on any {@code error}), or Governor's own form
 * {@code {"gate": NAME, "sha": SHA, "status": "pass"|"fail", "url": …}} in JSON or YAML. The kind is told by
 * the extension and, for XML, the root element. A file that cannot be read as its kind is a
 * {@link GovernanceException} naming file and line: a gate whose result is misread must never pass.
 *
 * <pre>{@code
 * GateResult lint = GateFiles.read(Path.of("build/eslint.sarif"), "build/eslint.sarif", "lint", sha);
 * List<GateResult> all = GateFiles.forSha(Path.of("."), sha);   // .gov/gates/<sha>/NAME.<ext>
 * }</pre>
 */
public final class GateFiles {
    /** Where a repository keeps gate results: {@code .gov/gates/<sha>/NAME.<ext>}. */
    public static final String DIR = ".gov/gates";

    private static final Pattern GATE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{7,40}");

    private GateFiles() {
    }

    /**
     * The result in {@code file} of gate {@code gate} for {@code sha}.
     *
     * @param displayName what messages call the file (the path as the user gave it)
     * @param sha         the full SHA being signed off: a result that names another SHA is refused
     * @throws GovernanceException when the file is missing, of no known kind, or malformed (with its line)
     */
    public static GateResult read(Path file, String displayName, String gate, String sha) {
        if (!GATE_NAME.matcher(gate).matches()) {
            throw new GovernanceException(displayName, 0, "'" + gate + "' is not a gate name: use letters, digits,"
                    + " '-' and '_', like security-scan");
        }
        if (!Files.isRegularFile(file)) {
            throw new GovernanceException(displayName, 0, "gate result file not found: give the file your CI wrote"
                    + " for gate '" + gate + "'");
        }
        try {
            long size = Files.size(file);
            if (size > Limits.RECORDS.maxBytes()) {
                throw new GovernanceException(displayName, 0, "gate result of " + size + " bytes is larger than the "
                        + Limits.RECORDS.maxBytes() + " bytes accepted: split the report or keep only its summary");
            }
        } catch (IOException e) {
            throw new GovernanceException(displayName, 0, "cannot read gate result: " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return SafeXml.read(file, displayName, gate, sha);
        }
        if (name.endsWith(".sarif")) {
            return Sarif.read(json(file, displayName), displayName, gate, sha);
        }
        if (name.endsWith(".json")) {
            Node root = json(file, displayName);
            if (root instanceof MapNode map && map.get("runs") != null && map.get("gate") == null) {
                return Sarif.read(root, displayName, gate, sha);
            }
            return GateJson.read(root, displayName, gate, sha);
        }
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return GateJson.read(StructuredInput.read(file, displayName, Format.YAML, Limits.RECORDS), displayName, gate,
                    sha);
        }
        throw new GovernanceException(displayName, 0, "cannot tell what kind of gate result this is: name it .xml"
                + " (JUnit or Checkstyle), .sarif (SARIF 2.1.0), or .json/.yml (Governor's {gate, sha, status} form)");
    }

    /**
     * Every result under {@code .gov/gates/<dir>/} of {@code repository}, where {@code <dir>} is {@code sha} or an
     * abbreviation of it (7 digits or more); each file's gate is its name up to the first dot. Hidden files are
     * skipped. Results are in path order.
     *
     * @throws GovernanceException as {@link #read}, for each file
     */
    public static List<GateResult> forSha(Path repository, String sha) {
        Path root = repository.resolve(DIR);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        String full = sha.toLowerCase(Locale.ROOT);
        List<GateResult> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!HEX.matcher(name).matches() || !full.startsWith(name)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String fileName = file.getFileName().toString();
                        if (fileName.startsWith(".")) {
                            continue;
                        }
                        int dot = fileName.indexOf('.');
                        String gate = dot < 0 ? fileName : fileName.substring(0, dot);
                        String display = DIR + "/" + dir.getFileName() + "/" + fileName;
                        out.add(read(file, display, gate, sha));
                    }
                }
            }
        } catch (IOException e) {
            throw new GovernanceException(DIR, 0, "cannot list gate results: " + e.getMessage(), e);
        }
        return out;
    }

    private static Node json(Path file, String displayName) {
        return StructuredInput.read(file, displayName, Format.JSON, Limits.RECORDS);
    }

    /** Whether {@code given} (as a result file writes it) names the SHA being signed off. */
    static boolean sameSha(String given, String sha) {
        String g = given.strip().toLowerCase(Locale.ROOT);
        return HEX.matcher(g).matches() && sha.toLowerCase(Locale.ROOT).startsWith(g);
    }

    /** Cuts a tool's text to one short line for the evidence. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }

    /** {@code 1 error}, {@code 2 errors}. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
