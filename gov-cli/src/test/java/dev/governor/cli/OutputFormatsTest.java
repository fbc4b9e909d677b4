package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * gov check's SARIF, JUnit and Markdown on a real git repository: a hotspot on the ledger (#2, #3, #4: one
 * blocking finding about a file) and three changes without type or risk (#5, #6, #7: warnings about changes).
 */
class OutputFormatsTest {
    private static final String LEDGER = "src/pay/Ledger.java";

    @TempDir
    static Path dir;

    private static Path repo;

    @BeforeAll
    static void a_hotspot_and_three_changes_without_trailers() {
        try (GitRepo git = GitRepo.init(dir.resolve("shop"))) {
            repo = git.root();
            git.change(LEDGER, "v1", "Add the ledger (#1)", "feature", at("2026-11-20T10:00:00Z"));
            git.change(LEDGER, "v2", "Fix rounding (#2)", "tactical-fix", at("2026-11-21T10:00:00Z"));
            git.change(LEDGER, "v3", "Fix rounding again (#3)", "tactical-fix", at("2026-11-22T10:00:00Z"));
            git.change(LEDGER, "v4", "Fix rounding once more (#4)", "tactical-fix", at("2026-11-23T10:00:00Z"));
            git.untyped("src/shop/Cart.java", "v1", "Add the cart (#5)", at("2026-11-24T10:00:00Z"));
            git.untyped("src/shop/Cart.java", "v2", "Tidy the cart (#6)", at("2026-11-24T11:00:00Z"));
            git.untyped("src/shop/Cart.java", "v3", "Name the cart | basket <b>now</b> (#7)", at("2026-11-24T12:00:00Z"));
        }
    }

    static Gov.Result check(String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--repo", repo.toString()));
        args.addAll(List.of(more));
        return Gov.atNow().run(args.toArray(String[]::new));
    }

    // --- SARIF ---------------------------------------------------------------------------------

    @Test
    void sarif_is_valid_against_the_official_sarif_2_1_0_schema() {
        Gov.Result r = check("--format", "sarif");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(Schemas.sarifErrors(r.out())).isEmpty();
    }

    @Test
    void the_official_schema_rejects_a_sarif_log_that_breaks_it() {
        String broken = check("--format", "sarif").out().replace("\"level\" : \"error\"", "\"level\" : \"fatal\"");

        assertThat(Schemas.sarifErrors(broken)).isNotEmpty();
    }

    @Test
    void a_sarif_result_about_a_file_is_located_at_it_and_fingerprinted_by_the_finding() throws Exception {
        JsonNode run = sarif().get("runs").get(0);
        JsonNode hotspot = result(run, "intent.tactical-hotspot");

        assertThat(hotspot.get("level").asText()).isEqualTo("error");
        assertThat(hotspot.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo(LEDGER);
        assertThat(hotspot.at("/locations/0/logicalLocations").isMissingNode()).isTrue();
        String fingerprint = null;
        for (JsonNode f : json(check("--format", "json").out()).get("findings")) {
            if (f.get("rule").asText().equals("intent.tactical-hotspot")) {
                fingerprint = f.get("fingerprint").asText();
            }
        }
        assertThat(hotspot.at("/partialFingerprints/governorFingerprint~1v1").asText()).isEqualTo(fingerprint);
        assertThat(hotspot.at("/partialFingerprints/primaryLocationLineHash").asText()).isEqualTo(fingerprint);
        assertThat(run.at("/tool/driver/rules/" + hotspot.get("ruleIndex").asInt() + "/id").asText())
                .isEqualTo("intent.tactical-hotspot");
    }

    @Test
    void a_sarif_result_about_a_change_is_anchored_at_the_policy_and_names_the_change() throws Exception {
        JsonNode risk = result(sarif().get("runs").get(0), "intent.risk-missing");

        assertThat(risk.get("level").asText()).isEqualTo("warning");
        assertThat(risk.at("/message/text").asText()).isEqualTo("#5 declares no risk level: add 'Risk: low|medium|high|critical'");
        assertThat(risk.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("governance.yml");
        assertThat(risk.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("#5");
        assertThat(risk.at("/locations/0/logicalLocations/0/kind").asText()).isEqualTo("change");
        assertThat(risk.at("/properties/change").asText()).isEqualTo("#5");
    }

    @Test
    void sarif_rules_carry_the_rules_own_description_example_and_next_step() throws Exception {
        JsonNode rules = sarif().at("/runs/0/tool/driver/rules");
        JsonNode hotspot = null;
        for (JsonNode rule : rules) {
            if (rule.get("id").asText().equals("intent.tactical-hotspot")) {
                hotspot = rule;
            }
        }

        assertThat(hotspot).isNotNull();
        assertThat(hotspot.at("/fullDescription/text").asText()).startsWith("hotspot.count (3) or more distinct"
                + " tactical-fix changes touched the same file within hotspot.window (7 days)");
        assertThat(hotspot.at("/help/text").asText())
                .contains("\nExample: #412, #418 and #421, each Change-Type: tactical-fix")
                .contains("\nWhat to do: merge a change with Change-Type: strategic-fix touching the subject\n")
                .endsWith("\nMore: gov explain intent.tactical-hotspot");
        assertThat(hotspot.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(hotspot.at("/properties/tags").toString()).isEqualTo("[\"governance\",\"intent\"]");
    }

    @Test
    void sarif_levels_follow_severity_and_paths_are_uri_encoded() {
        assertThat(SarifReport.level(dev.governor.api.Severity.BLOCKING)).isEqualTo("error");
        assertThat(SarifReport.level(dev.governor.api.Severity.WARNING)).isEqualTo("warning");
        assertThat(SarifReport.level(dev.governor.api.Severity.INFO)).isEqualTo("note");
        assertThat(SarifReport.uri("docs/my notes/ä.md")).isEqualTo("docs/my%20notes/%C3%A4.md");
        assertThat(SarifReport.uri("a:b/c")).isEqualTo("a%3Ab/c");
        assertThat(SarifReport.anchor("/etc/policy.yml")).isEqualTo("governance.yml");
        assertThat(SarifReport.anchor("ci/policy.yml")).isEqualTo("ci/policy.yml");
    }

    // --- JUnit ---------------------------------------------------------------------------------

    @Test
    void junit_reads_as_xml_with_one_test_case_per_rule_and_one_failure_per_finding() throws Exception {
        Gov.Result r = check("--format", "junit");
        Document xml = parse(r.out());

        Element suites = xml.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        NodeList cases = xml.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("name") + " " + c.getElementsByTagName("failure").getLength());
        }
        // every loaded rule is a test case; only Intent's have findings on this history
        assertThat(names.stream().filter(n -> n.startsWith("intent.")).toList()).containsExactly(
                "intent.risk-missing 3", "intent.strategic-fix-required 0", "intent.tactical-hotspot 1",
                "intent.tag-missing 3", "intent.tag-unknown 0");
        assertThat(names.stream().filter(n -> !n.startsWith("intent.")).toList()).allMatch(n -> n.endsWith(" 0"));
        assertThat(suites.getAttribute("tests")).isEqualTo(String.valueOf(cases.getLength()));
        assertThat(suites.getAttribute("failures")).isEqualTo("3");
        Element hotspot = (Element) ((Element) cases.item(2)).getElementsByTagName("failure").item(0);
        assertThat(hotspot.getAttribute("type")).isEqualTo("blocking");
        assertThat(hotspot.getAttribute("message")).isEqualTo(LEDGER + ": 3 tactical fixes within 7d (#2 2026-11-21,"
                + " #3 2026-11-22, #4 2026-11-23): " + LEDGER + " is locked until a strategic fix");
        assertThat(hotspot.getTextContent()).contains("\nevidence: change #2 2026-11-21T10:00:00Z\n")
                .contains("\nchange: #4\n").containsPattern("\nfingerprint: [0-9a-f]{16}$");
    }

    @Test
    void junit_skips_the_rules_of_layers_not_in_force() throws Exception {
        Path policy = Files.writeString(dir.resolve("release-only.yml"), "layers: [release]\n");

        Gov.Result r = check("--format", "junit", "--policy", policy.toString());

        assertThat(r.exitCode()).isZero();
        Document xml = parse(r.out());
        NodeList skipped = xml.getElementsByTagName("skipped");
        NodeList cases = xml.getElementsByTagName("testcase");
        int notRelease = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            notRelease += ((Element) cases.item(i)).getAttribute("name").startsWith("release.") ? 0 : 1;
        }
        assertThat(skipped.getLength()).isEqualTo(notRelease).isGreaterThanOrEqualTo(5);
        assertThat(((Element) skipped.item(0)).getAttribute("message"))
                .isEqualTo("layer intent is not in force (layers: in governance.yml)");
    }

    @Test
    void a_control_character_in_a_message_still_makes_valid_xml() {
        assertThat(JunitReport.xmlSafe("bell\u0007 and tab\t")).isEqualTo("bell\uFFFD and tab\t");
    }

    // --- Markdown ------------------------------------------------------------------------------

    @Test
    void markdown_gives_the_verdict_then_the_blocking_findings_then_the_rest_folded() {
        Gov.Result r = check("--format", "markdown", "--max-per-rule", "2");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("""
                ## :x: Governor: 1 blocking finding

                1 blocking, 6 warnings, 0 info · layers: intent, contract, change, release, learning · 7 changes

                | rule | subject | finding | what to do |
                | --- | --- | --- | --- |
                | `intent.tactical-hotspot` | `src/pay/Ledger.java` | 3 tactical fixes within 7d (#2 2026-11-21, #3 \
                2026-11-22, #4 2026-11-23): src/pay/Ledger.java is locked until a strategic fix | merge a change with \
                Change-Type: strategic-fix touching src/pay/Ledger.java |

                <details><summary>6 warnings, 0 info</summary>

                | rule | subject | finding | what to do |
                | --- | --- | --- | --- |
                | `intent.risk-missing` | `change #5` | #5 declares no risk level: add 'Risk: low\\|medium\\|high\\|critical' \
                | add 'Risk: low\\|medium\\|high\\|critical' to #5 |
                | `intent.risk-missing` | `change #6` | #6 declares no risk level: add 'Risk: low\\|medium\\|high\\|critical' \
                | add 'Risk: low\\|medium\\|high\\|critical' to #6 |
                | `intent.risk-missing` | … and 1 more | | add 'Risk: low\\|medium\\|high\\|critical' to each of them; or \
                leave intent out of layers: in governance.yml until you adopt it |
                | `intent.tag-missing` | `change #5` | #5 has no change type: add a 'Change-Type:' trailer (tactical-fix, \
                strategic-fix, feature, tech-debt or compliance) or a Conventional Commits subject | add a 'Change-Type:' \
                trailer (tactical-fix, strategic-fix, feature, tech-debt or compliance) to #5 |
                | `intent.tag-missing` | `change #6` | #6 has no change type: add a 'Change-Type:' trailer (tactical-fix, \
                strategic-fix, feature, tech-debt or compliance) or a Conventional Commits subject | add a 'Change-Type:' \
                trailer (tactical-fix, strategic-fix, feature, tech-debt or compliance) to #6 |
                | `intent.tag-missing` | … and 1 more | | add a 'Change-Type:' trailer (tactical-fix, strategic-fix, \
                feature, tech-debt or compliance) to each of them; or leave intent out of layers: in governance.yml until \
                you adopt it |

                </details>

                <sub>Governor %s · evaluated 2026-11-26T12:00:00Z at `%s` (main) · `gov explain RULE` says what a rule \
                checks</sub>
                """.formatted(dev.governor.Version.TOOL, head().substring(0, 12)));
    }

    @Test
    void markdown_escapes_what_would_break_the_table_or_inject_html() {
        assertThat(MarkdownReport.cell("a | b <script>x</script> `c` *d*\nnext"))
                .isEqualTo("a \\| b &lt;script&gt;x&lt;/script&gt; \\`c\\` \\*d\\* next");
        assertThat(MarkdownReport.code("src/a|b.java")).isEqualTo("src/a\\|b.java");
        assertThat(MarkdownReport.code("src/a.java")).isEqualTo("`src/a.java`");
    }

    @Test
    void markdown_of_a_passing_check_says_so_first() {
        Gov.Result r = check("--format", "markdown", "--change", "#1");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("## :white_check_mark: Governor: nothing blocking\n\n"
                + "0 blocking, 0 warnings, 0 info · layers: intent, contract, change, release, learning · 7 changes\n\n"
                + "<sub>Governor ");
    }

    // --- text ----------------------------------------------------------------------------------

    @Test
    void text_sums_up_a_rules_findings_beyond_the_limit_and_says_what_to_do_about_all() {
        Gov.Result r = check("--max-per-rule", "1");

        assertThat(r.out()).contains("""
                WARNING   intent.risk-missing  change #5
                    #5 declares no risk level: add 'Risk: low|medium|high|critical'
                    evidence: change #5 2026-11-24T10:00:00Z
                    change: #5 at 2026-11-24T10:00:00Z

                … and 2 more intent.risk-missing findings: add 'Risk: low|medium|high|critical' to each of them; or \
                leave intent out of layers: in governance.yml until you adopt it

                WARNING   intent.tag-missing  change #5
                """);
        assertThat(r.out()).endsWith("""

                1 blocking, 6 warnings, 0 info · layers: intent, contract, change, release, learning · 7 changes
                4 findings not shown (at most 1 a rule): --format json, sarif or junit lists every one, and \
                --max-per-rule 0 prints them all here; --since 30d reports a shorter span, and since: in governance.yml \
                (the adoption date) leaves older history ungoverned
                """);
    }

    @Test
    void text_with_max_per_rule_0_prints_every_finding() {
        Gov.Result r = check("--max-per-rule", "0");

        assertThat(r.out()).doesNotContain("… and").doesNotContain("not shown");
        assertThat(r.out().split("\nWARNING ", -1)).hasSize(7);
    }

    @Test
    void a_negative_max_per_rule_is_a_usage_error() {
        Gov.Result r = check("--max-per-rule", "-1");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("gov: --max-per-rule must be 0 (all) or more, was -1\n");
    }

    // --- all formats ---------------------------------------------------------------------------

    @Test
    void every_format_is_byte_identical_across_runs() {
        for (String format : List.of("text", "json", "sarif", "junit", "markdown")) {
            Gov.Result first = check("--format", format);
            Gov.Result second = check("--format", format);

            assertThat(second.out()).as(format).isEqualTo(first.out());
            assertThat(first.out()).as(format).endsWith("\n").doesNotContain("\r");
        }
    }

    @Test
    void every_format_goes_to_the_output_file_exactly_as_to_stdout() throws Exception {
        for (String format : List.of("text", "json", "sarif", "junit", "markdown")) {
            Path file = dir.resolve("out/report." + format);

            Gov.Result r = check("--format", format, "--output", file.toString());

            assertThat(r.out()).isEmpty();
            assertThat(Files.readString(file)).as(format).isEqualTo(check("--format", format).out());
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private static JsonNode sarif() throws Exception {
        return json(check("--format", "sarif").out());
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static JsonNode result(JsonNode run, String rule) {
        for (JsonNode r : run.get("results")) {
            if (r.get("ruleId").asText().equals(rule)) {
                return r;
            }
        }
        throw new AssertionError("no result of " + rule);
    }

    private static String head() {
        try {
            return json(check("--format", "json").out()).at("/repository/head").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A strict parser, as a CI server's should be: no DTDs, no external entities. */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
