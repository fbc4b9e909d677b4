package dev.governor.adapters.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.api.Adr;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our own corpus of ADRs in the three forms (src/test/resources/adr-corpus, each directory following a public
 * convention named in its README): every file gives the number, title, status and supersession that
 * expected.tsv lists.
 */
class AdrCorpusTest {

    record Expected(String file, Integer number, String title, String status, List<String> supersedes,
                    List<String> supersededBy) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expected> corpus() throws IOException {
        List<Expected> out = new ArrayList<>();
        String[] lines = read("expected.tsv").split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            out.add(new Expected(f[0], Integer.valueOf(f[1]), f[2], f[3].isEmpty() ? null : f[3], list(f[4]), list(f[5])));
        }
        return out.stream();
    }

    private static List<String> list(String cell) {
        return cell.isEmpty() ? List.of() : Arrays.asList(cell.split(","));
    }

    private static String read(String name) throws IOException {
        try (InputStream in = AdrCorpusTest.class.getResourceAsStream("/adr-corpus/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void each_adr_reads_with_its_number_title_status_and_supersession(Expected e) throws IOException {
        Adr adr = AdrReader.read("docs/adr/" + e.file().substring(e.file().indexOf('/') + 1), read(e.file()));

        assertThat(adr.number()).isEqualTo(e.number());
        assertThat(adr.title()).isEqualTo(e.title());
        assertThat(adr.status()).isEqualTo(e.status());
        assertThat(adr.supersedes()).isEqualTo(e.supersedes());
        assertThat(adr.supersededBy()).isEqualTo(e.supersededBy());
        assertThat(adr.decision()).isNotNull();
        assertThat(adr.problems()).isEmpty();
    }

    @Test
    void the_corpus_covers_the_three_forms() throws IOException {
        assertThat(corpus().map(e -> e.file().substring(0, e.file().indexOf('/'))).distinct())
                .containsExactly("nygard", "madr", "three-line");
        assertThat(corpus().count()).isEqualTo(20);
    }

    @Test
    void a_three_line_adr_gives_decision_reason_and_boundary() throws IOException {
        Adr adr = AdrReader.read("docs/adr/0001-extract-billing.md", read("three-line/0001-extract-billing.md"));

        assertThat(adr.decision()).isEqualTo("Billing moves out of the shop repository into its own service.");
        assertThat(adr.reason()).isEqualTo("Billing releases weekly under audit, the shop several times a day.");
        assertThat(adr.date()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(adr.removed()).containsExactly("services/billing/**", "src/main/java/com/acme/billing/**");
        assertThat(adr.movedTo()).isEqualTo("github.com/acme/billing-service");
    }

    @Test
    void reason_falls_back_to_context_then_to_the_problem_statement() throws IOException {
        Adr nygard = AdrReader.read("doc/adr/0004-x.md", read("nygard/0004-move-orders-to-a-managed-database.md"));
        Adr madr = AdrReader.read("docs/decisions/0003-x.md", read("madr/0003-use-the-cloud-event-bus.md"));
        Adr none = AdrReader.read("docs/adr/0004-x.md", read("three-line/0004-no-reason-given.md"));

        assertThat(nygard.reason()).isEqualTo("Running Postgres ourselves cost a day a week in upgrades and pages.");
        assertThat(madr.reason()).isEqualTo("Operating Kafka took more time than the events were worth.");
        assertThat(none.reason()).isNull();
    }

    @Test
    void a_madr_decision_outcome_keeps_its_subsections() throws IOException {
        Adr adr = AdrReader.read("docs/decisions/0002-x.md", read("madr/0002-adopt-opentelemetry.md"));

        assertThat(adr.decision()).startsWith("Chosen option: \"OpenTelemetry SDKs with the collector\"")
                .endsWith("* Bad, because every service needs an SDK upgrade.");
        assertThat(adr.date()).isEqualTo(LocalDate.parse("2024-03-12"));
    }
}
