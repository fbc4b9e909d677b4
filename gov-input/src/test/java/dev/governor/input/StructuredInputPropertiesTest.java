package dev.governor.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.api.GovernanceException;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The reader fails closed: any input gives nodes or a GovernanceException with a line, never anything else. */
class StructuredInputPropertiesTest {
    private static final String NAME = "input";
    private static final Limits LIMITS = new Limits(64 * 1024, 3, 8);

    @Property(tries = 300)
    void arbitrary_text_gives_nodes_or_a_governance_exception(@ForAll String text, @ForAll Format format) {
        assertReadsOrFailsClosed(text, () -> StructuredInput.parse(text, format, NAME, LIMITS));
    }

    @Property(tries = 300)
    void arbitrary_bytes_give_nodes_or_a_governance_exception(@ForAll byte[] bytes, @ForAll Format format) {
        assertReadsOrFailsClosed(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1),
                () -> StructuredInput.parse(bytes, format, NAME, LIMITS));
    }

    @Property(tries = 1000)
    void yaml_shaped_text_gives_nodes_or_a_governance_exception(@ForAll("yamlish") String text) {
        assertReadsOrFailsClosed(text, () -> StructuredInput.parse(text, Format.YAML, NAME, LIMITS));
    }

    @Property(tries = 1000)
    void json_shaped_text_gives_nodes_or_a_governance_exception(@ForAll("jsonish") String text, @ForAll boolean lines) {
        assertReadsOrFailsClosed(text, () -> StructuredInput.parse(text, lines ? Format.JSON_LINES : Format.JSON, NAME,
                LIMITS));
    }

    private static void assertReadsOrFailsClosed(String text, java.util.function.Supplier<Node> read) {
        Node root;
        try {
            root = read.get();
        } catch (GovernanceException e) {
            assertThat(e.source()).isEqualTo(NAME);
            assertThat(e.line()).isBetween(0, text.split("\\R", -1).length + 1);
            return;
        }
        walk(root, node -> {
            assertThat(node.source()).isEqualTo(NAME);
            assertThat(node.line()).isPositive();
            everyConversionFailsClosed(node);
        });
    }

    /** Each conversion of a node returns or throws a GovernanceException at the node's line. */
    private static void everyConversionFailsClosed(Node node) {
        List<Consumer<Node>> conversions = List.of(Node::asMap, Node::asList, Node::asString, n -> n.asInt(0, 10),
                n -> n.asDouble(0), Node::asBoolean, Node::asDuration, Node::asDate, Node::asInstant, Node::asStrings,
                Node::asRelativePath, n -> n.asChoice("format", Format.class, Enum::name));
        for (Consumer<Node> conversion : conversions) {
            try {
                conversion.accept(node);
            } catch (GovernanceException e) {
                assertThat(e.source()).isEqualTo(NAME);
                assertThat(e.line()).isPositive();
            }
        }
    }

    private static void walk(Node node, Consumer<Node> visit) {
        visit.accept(node);
        if (node instanceof MapNode map) {
            map.keys().forEach(key -> walk(map.get(key), visit));
        } else if (node instanceof ListNode list) {
            list.items().forEach(item -> walk(item, visit));
        }
    }

    /** Fragments of real files, so that most tries get past the scanner. */
    @Provide
    Arbitrary<String> yamlish() {
        Arbitrary<String> fragment = Arbitraries.of("branch", "hotspot", "count", "window", "rules", "a", "b", ": ", ":",
                "\n", "\n  ", "\n    ", "- ", "[", "]", "{", "}", ", ", "&a ", "&b ", "*a", "*b", "<<", "!!str ",
                "!!set ", "!x ", "'", "\"", "#", "---\n", "...\n", "7d", "3", "-1", "1e9", ".inf", "true", "yes", "~",
                "null", "2026-01-01", "2026-11-02T10:00:00Z", "..", "/abs", "C:\\", "?", "? ", "|", ">", "\t",
                "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "\uFEFF", "\u0007", "é", "\uD83D\uDE00");
        return fragment.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> fragment = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"a\"", "\"b\"", "\"\"", "1", "-0.5",
                "1e400", "true", "null", "NaN", "\n", "\r\n", " ", "\t", "\"\\u0000\"", "\"\\ud800\"", "//", "/*", "'",
                "\uFEFF", "\u00A0", "2026-11-02", "\"2026-11-02T10:00:00+01:00\"", "\"7d\"", "\"..\"");
        return fragment.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }
}
