package dev.governor.cli;

import dev.governor.api.GovernanceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command's document goes: stdout, or the file of {@code --output} (UTF-8). */
final class Output {
    private Output() {
    }

    /**
     * Writes {@code text} as it is (it carries its own line ends, always {@code \n}).
     *
     * @throws GovernanceException when the file cannot be written
     */
    static void write(String text, Path file, PrintWriter stdout) {
        if (file == null) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GovernanceException(file.toString(), 0, "cannot write the output file ("
                    + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "")
                    + "); choose a writable path with --output");
        }
    }
}
