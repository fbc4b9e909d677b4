package dev.governor.cli;

import dev.governor.api.GovernanceException;
import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command's document goes: stdout, or the file of {@code --output} (UTF-8). */
final class Output {
    private Output() {
    }

    /** Writes a document in one piece; see {@link #write(Path, PrintWriter, Body)}. */
    static void write(String text, Path file, PrintWriter stdout) {
        write(file, stdout, out -> out.write(text));
    }

    /** A document written as it is produced: a report of 100,000 findings need not be held in memory. */
    @FunctionalInterface
    interface Body {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes a document to {@code file}, or to {@code stdout} when it is {@code null}. The document carries its
     * own line ends (always {@code \n}).
     *
     * @throws GovernanceException when the file cannot be written
     */
    static void write(Path file, PrintWriter stdout, Body body) {
        if (file == null) {
            // stdout stays open: picocli and Main own it
            Writer kept = new FilterWriter(stdout) {
                @Override
                public void close() {
                    stdout.flush();
                }
            };
            try (Writer out = new BufferedWriter(kept, 1 << 16)) {
                body.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                    StandardCharsets.UTF_8), 1 << 16)) {
                body.writeTo(out);
            }
        } catch (IOException e) {
            throw new GovernanceException(file.toString(), 0, "cannot write the output file ("
                    + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "")
                    + "); choose a writable path with --output");
        }
    }
}
