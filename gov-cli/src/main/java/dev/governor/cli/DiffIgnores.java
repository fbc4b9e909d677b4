package dev.governor.cli;

import dev.governor.api.ContractDiff;
import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The accepted differences of {@code gov diff --ignore FILE}: one a line, {@code KIND POINTER [until YYYY-MM-DD]
 * -- reason}, {@code #} comments and blank lines skipped, the reason required. A line past its {@code until}
 * date no longer applies (expired); a line that matches no difference is stale.
 *
 * <pre>{@code
 * # accepted with checkout-service, who no longer calls it
 * path-removed /paths/~1orders~1{id} until 2026-12-31 -- checkout moved to /orders in #412
 * }</pre>
 */
record DiffIgnores(String file, List<Line> lines) {

    /** One accepted difference. */
    record Line(int number, String kind, String pointer, LocalDate until, String reason) {
        boolean expired(LocalDate today) {
            return until != null && until.isBefore(today);
        }

        boolean matches(ContractDiff.Item item) {
            return kind.equals(item.kind()) && pointer.equals(item.pointer());
        }

        /** The line as written back in reports: {@code KIND POINTER until DATE -- reason}. */
        String text() {
            return kind + " " + pointer + (until == null ? "" : " until " + until) + " -- " + reason;
        }
    }

    private static final Pattern LINE = Pattern.compile("(\\S+)\\s+(\\S*)(?:\\s+until\\s+(\\S+))?");

    static final DiffIgnores NONE = new DiffIgnores(null, List.of());

    /**
     * Reads an ignore file.
     *
     * @throws GovernanceException naming the file and line of a line without a reason, a bad date, or a line
     *                             that is not {@code KIND POINTER [until DATE] -- reason}
     */
    static DiffIgnores read(Path path) {
        String name = path.toString();
        List<String> text;
        try {
            text = List.of(Files.readString(path, StandardCharsets.UTF_8).split("\\R", -1));
        } catch (NoSuchFileException e) {
            throw new GovernanceException(name, 0, "no such file: check the path given to --ignore");
        } catch (IOException e) {
            throw new GovernanceException(name, 0, "cannot read the file (" + e.getClass().getSimpleName()
                    + "): check that it is a readable text file");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String raw = text.get(i).strip();
            if (raw.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            int dashes = raw.indexOf(" -- ");
            String reason = dashes < 0 ? "" : raw.substring(dashes + 4).strip();
            if (reason.isEmpty()) {
                throw new GovernanceException(name, i + 1, "'" + raw + "' gives no reason: write KIND POINTER"
                        + " [until YYYY-MM-DD] -- reason (why the difference is accepted)");
            }
            Matcher m = LINE.matcher(raw.substring(0, dashes).strip());
            if (!m.matches()) {
                throw new GovernanceException(name, i + 1, "'" + raw + "' is not KIND POINTER [until YYYY-MM-DD] -- reason,"
                        + " like: path-removed /paths/~1orders -- checkout moved first");
            }
            LocalDate until = null;
            if (m.group(3) != null) {
                try {
                    until = LocalDate.parse(m.group(3));
                } catch (DateTimeParseException e) {
                    throw new GovernanceException(name, i + 1, "bad date '" + m.group(3) + "' after until: use"
                            + " YYYY-MM-DD, like 2026-12-31");
                }
            }
            String pointer = m.group(2);
            if (!pointer.isEmpty() && !pointer.startsWith("/") && !pointer.equals("\"\"")) {
                throw new GovernanceException(name, i + 1, "'" + pointer + "' is not a JSON pointer: start it with /,"
                        + " as gov diff prints it (write \"\" for the whole document)");
            }
            lines.add(new Line(i + 1, m.group(1), pointer.equals("\"\"") ? "" : pointer, until, reason));
        }
        return new DiffIgnores(name, lines);
    }

    /** The line in force that accepts {@code item}, or null. */
    Line waiver(ContractDiff.Item item, LocalDate today) {
        for (Line line : lines) {
            if (!line.expired(today) && line.matches(item)) {
                return line;
            }
        }
        return null;
    }
}
