package dev.governor.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.api.ContractDiff;
import dev.governor.input.Format;
import dev.governor.input.Limits;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.input.StructuredInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of src/test/resources/contract-corpus: before/after pairs of our own, one per scenario of
 * openapi-diff's backcompat tests, each diffed with the verdict that test asserts (or ours, where we differ on
 * purpose and say why), and the kind of difference that decides it.
 */
class ContractCorpusTest {
    private static final String DIR = "/contract-corpus/";

    /** One pair of the index. */
    record Pair(String name, String mirrors, String base, String verdict, String ours, String kind, List<MapNode> edits) {
        @Override
        public String toString() {
            return name + " (" + mirrors + ")";
        }

        String expected() {
            return ours != null ? ours : verdict;
        }
    }

    static List<Pair> pairs() {
        Node index = StructuredInput.parse(resource("index.yaml"), Format.YAML, "index.yaml", Limits.POLICY);
        return index.asMap().require("pairs").asList().items().stream().map(n -> {
            MapNode m = n.asMap();
            return new Pair(m.require("name").asString(), m.require("mirrors").asString(), m.require("base").asString(),
                    m.require("verdict").asString(), m.get("ours") == null ? null : m.get("ours").asString(),
                    m.get("kind") == null ? null : m.get("kind").asString(),
                    m.require("edits").asList().items().stream().map(Node::asMap).toList());
        }).toList();
    }

    static Stream<Pair> corpus() {
        return pairs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void each_pair_gets_the_verdict_of_its_scenario(Pair pair) {
        String base = new String(resource(pair.base()), StandardCharsets.UTF_8);
        String revision = apply(base, pair.edits());

        SpecDiff diff = SpecDiffs.diff(base.getBytes(StandardCharsets.UTF_8), pair.base(),
                revision.getBytes(StandardCharsets.UTF_8), "revision of " + pair.base());

        assertThat(verdict(diff)).as(pair + ": " + diff.items()).isEqualTo(pair.expected());
        if (pair.kind() != null) {
            assertThat(diff.items()).as(pair.toString()).extracting(ContractDiff.Item::kind).contains(pair.kind());
        }
    }

    @Test
    void the_corpus_mirrors_at_least_forty_backcompat_scenarios_and_explains_every_disagreement() {
        List<Pair> mirrored = pairs().stream().filter(p -> p.mirrors().contains("BCTest.")).toList();
        assertThat(mirrored).hasSizeGreaterThanOrEqualTo(40);
        assertThat(mirrored).extracting(Pair::mirrors).doesNotHaveDuplicates();
        assertThat(pairs()).filteredOn(p -> p.ours() != null)
                .allSatisfy(p -> assertThat(p.ours()).isNotEqualTo(p.verdict()));
    }

    static String verdict(SpecDiff diff) {
        return diff.items().isEmpty() ? "unchanged" : diff.breaking() ? "breaking" : "compatible";
    }

    /** The revision: each edit applied to the one place it names. */
    static String apply(String text, List<MapNode> edits) {
        String out = text;
        for (MapNode edit : edits) {
            if (edit.get("cut") != null) {
                String cut = edit.require("cut").asString();
                String until = edit.require("until").asString();
                int start = once(out, cut);
                int end = out.indexOf(until, start + cut.length());
                assertThat(end).as("'" + until + "' after '" + cut + "'").isPositive();
                out = out.substring(0, start) + out.substring(end);
            } else {
                String from = edit.require("from").asString();
                String to = edit.get("to") instanceof dev.governor.input.ScalarNode s ? s.text() : "";
                int at = once(out, from);
                out = out.substring(0, at) + to + out.substring(at + from.length());
            }
        }
        return out;
    }

    private static int once(String text, String part) {
        int at = text.indexOf(part);
        assertThat(at).as("'" + part + "' occurs").isNotNegative();
        assertThat(text.indexOf(part, at + 1)).as("'" + part + "' occurs once").isNegative();
        return at;
    }

    static byte[] resource(String name) {
        try (InputStream in = ContractCorpusTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("no corpus file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
