package dev.governor.adapters.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.api.Adr;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * On arbitrary text, the ADR and PR-body readers never throw: what they cannot read becomes an ADR's problem
 * at a line of the file (so a GovernanceException cannot even escape), or no template field.
 */
class ParsersNeverFailProperties {

    @Provide
    Arbitrary<String> markdownish() {
        Arbitrary<String> pieces = Arbitraries.of("---\n", "# ", "## ", "Status", "Decision", "Reason", "Context",
                "**", "__", "Intent", "Rollback", ":", "\n", "\n\n", "```", "~~~", "<!--", "-->", "    ", "- ", "* ",
                "[x](0003-y.md)", "Superseded by ", "Supersedes ", "boundary:\n  removed: [", "]", "status: ", "date: ",
                "2026-13-45", "TBD", "\t", "\r", "\r\n", "\uFEFF", "&", "[", "(", "|", ">", "\\", "\"", "'", "{", "}");
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12);
        return Arbitraries.oneOf(pieces, text).list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 1500)
    void the_adr_reader_reads_any_text(@ForAll("markdownish") String text) {
        Adr adr = AdrReader.read("docs/adr/0001-x.md", text);

        assertThat(adr.number()).isEqualTo(1);
        assertThat(adr.problems()).allSatisfy(p -> assertThat(p.line()).isBetween(0, text.split("\n", -1).length + 1));
    }

    @Property(tries = 500)
    void the_adr_reader_reads_any_bytes(@ForAll byte[] bytes) {
        Adr adr = AdrReader.read("docs/adr/x.md", bytes);

        assertThat(adr.path()).isEqualTo("docs/adr/x.md");
    }

    @Property(tries = 1500)
    void the_template_reader_reads_any_body(@ForAll("markdownish") String body) {
        assertThat(TemplateFields.of(body).keySet()).allSatisfy(k -> assertThat(k).isIn("intent", "blast-radius",
                "verification", "rollback", "contract-change", "rollout"));
    }
}
