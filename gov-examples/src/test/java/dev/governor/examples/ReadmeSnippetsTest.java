package dev.governor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README promises that its Java and rule snippets are compiled and run: the consumer project
 * (src/it/consumer, built by maven-invoker-plugin) holds them. This keeps the promise when either side is edited:
 * every Java block and every rule of the README appears, line for line, in one of the consumer's files.
 */
class ReadmeSnippetsTest {
    private static final Pattern BLOCK = Pattern.compile("```(java)?\\n(.*?)```", Pattern.DOTALL);
    private static final Path CONSUMER = Path.of("src", "it", "consumer");

    @Test
    void every_java_and_rule_snippet_of_the_readme_is_in_the_consumer_project() throws IOException {
        List<String> consumer;
        try (Stream<Path> files = Files.walk(CONSUMER)) {
            consumer = files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".drl"))
                    .map(ReadmeSnippetsTest::normalized).toList();
        }
        List<String> snippets = snippets(Files.readString(Path.of("..", "README.md")));

        assertThat(snippets).as("Java and rule snippets of the README").hasSizeGreaterThanOrEqualTo(3);
        for (String snippet : snippets) {
            assertThat(consumer).as("a consumer file holding the README snippet%n%s", snippet)
                    .anyMatch(file -> file.contains(snippet));
        }
    }

    /** The README's blocks that are Java, or rules ({@code rule "…"}): the code a reader copies. */
    static List<String> snippets(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(markdown);
        while (m.find()) {
            String body = m.group(2);
            if (m.group(1) != null || body.startsWith("rule \"")) {
                out.add(normalize(body));
            }
        }
        return out;
    }

    private static String normalized(Path file) {
        try {
            return normalize(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines stripped of their indentation: a snippet is indented as a class member in the consumer. */
    private static String normalize(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
