package dev.governor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.Governor;
import dev.governor.adapters.git.GitHistoryProvider;
import dev.governor.api.Fact;
import dev.governor.input.StructuredInput;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The libraries speak to every user of them, most of whom never type {@code gov}: no message of theirs
 * points at a command-line flag ({@code --repo DIR}). Read from the compiled classes, where every string a
 * message is made of lives.
 */
class LibraryMessagesTest {
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z-]+");

    @Test
    void no_message_of_the_libraries_names_a_command_line_flag() throws IOException, URISyntaxException {
        List<String> found = new ArrayList<>();
        int classes = 0;
        for (Class<?> anchor : List.of(Fact.class, StructuredInput.class, Governor.class, GitHistoryProvider.class)) {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (var entry : classFiles(location)) {
                classes++;
                // class files keep string constants as they are written; flags are plain ASCII
                Matcher m = FLAG.matcher(new String(entry.bytes(), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    found.add(entry.name() + ": " + m.group());
                }
            }
        }

        assertThat(classes).isGreaterThan(100);
        assertThat(found).isEmpty();
    }

    record ClassFile(String name, byte[] bytes) {}

    static List<ClassFile> classFiles(Path location) throws IOException {
        List<ClassFile> out = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> walk = Files.walk(location)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                    out.add(new ClassFile(location.relativize(p).toString(), Files.readAllBytes(p)));
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (JarEntry e : Collections.list(jar.entries())) {
                    if (e.getName().endsWith(".class")) {
                        out.add(new ClassFile(e.getName(), jar.getInputStream(e).readAllBytes()));
                    }
                }
            }
        }
        return out;
    }
}
