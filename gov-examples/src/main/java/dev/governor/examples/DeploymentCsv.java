package dev.governor.examples;

import dev.governor.api.Deployment;
import dev.governor.api.FactContext;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A host tool's own {@link FactSource}: the deployments of a CSV export (a deploy tool's "download as CSV"),
 * one a row, as {@link Deployment} facts. Bad rows are refused with file, line and what to fix; nothing is
 * skipped silently.
 *
 * <pre>
 * id,sha,env,finished_at,status
 * deploy-16,9b1c2d3e4f5a,prod,2026-11-05T16:30:00Z,success
 * deploy-17,3f2a9c1d0b7e,prod,2026-11-06T16:30:00Z,failed
 * </pre>
 *
 * <pre>{@code
 * Governor governor = Governor.builder()
 *     .facts(new DeploymentCsv(Path.of("deployments.csv")))
 *     .rules(HostTool.bundledRules())
 *     .build();
 * }</pre>
 */
public final class DeploymentCsv implements FactSource {
    /** The columns of the export, in any order; others are ignored. */
    public static final List<String> COLUMNS = List.of("id", "sha", "env", "finished_at", "status");

    private final Path file;

    /** Reads {@code file} on every check, so a Governor built once sees the latest export. */
    public DeploymentCsv(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public Facts read(FactContext context) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(in, format)) {
            for (String column : COLUMNS) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    throw new GovernanceException(file.toString(), 1, "no column '" + column + "': the first line "
                            + "names the columns, " + String.join(",", COLUMNS));
                }
            }
            Facts.Builder facts = Facts.builder();
            Iterator<CSVRecord> rows = csv.iterator();
            while (true) {
                int line = (int) csv.getCurrentLineNumber() + 1; // the line the next row starts on
                if (!rows.hasNext()) {
                    break;
                }
                facts.deployment(deployment(rows.next(), line));
            }
            return facts.build();
        } catch (NoSuchFileException e) {
            throw new GovernanceException(file.toString(), 0, "deployment export not found: export the deployments "
                    + "as CSV to this file");
        } catch (UncheckedIOException | IOException e) {
            // commons-csv reports a malformed row (an unclosed quote) as an I/O error naming its line
            throw new GovernanceException(file.toString(), 0, "not a CSV file: " + e.getMessage(), e);
        }
    }

    private Deployment deployment(CSVRecord row, int line) {
        if (!row.isConsistent()) {
            throw new GovernanceException(file.toString(), line, "the row has " + row.size() + " values, the header "
                    + "names " + row.getParser().getHeaderNames().size() + ": quote a value that holds a comma");
        }
        Instant at;
        try {
            at = Instant.parse(value(row, "finished_at", line));
        } catch (DateTimeParseException e) {
            throw new GovernanceException(file.toString(), line, "finished_at '" + row.get("finished_at")
                    + "' is not an instant: write it as 2026-11-06T16:30:00Z");
        }
        Deployment.Status status = switch (value(row, "status", line)) {
            case "success" -> Deployment.Status.SUCCESS;
            case "failed" -> Deployment.Status.FAILED;
            case "rolled-back" -> Deployment.Status.ROLLED_BACK;
            default -> throw new GovernanceException(file.toString(), line, "status '" + row.get("status")
                    + "' is none of success, failed, rolled-back");
        };
        return new Deployment(value(row, "id", line), value(row, "sha", line), value(row, "env", line), at, status);
    }

    private String value(CSVRecord row, String column, int line) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new GovernanceException(file.toString(), line, "no " + column + ": every row needs one");
        }
        return value;
    }
}
