package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gov metrics} and the Learning findings of {@code gov check} on real git repositories with eight weeks of
 * records (LearningDemo): change failure rate rises in 2026-W46 and 2026-W47, so releases are blocked in 2026-W48;
 * the same records with nothing deployed in 2026-W46 block nothing.
 */
class MetricsCommandTest {
    private static final String W48_BLOCKER = """
            BLOCKING  learning.release-blocker  week 2026-W48
                change failure rate degraded two weeks in a row (2026-W46, 2026-W47): releases are blocked in 2026-W48
                evidence: metric change-failure-rate
                          week 2026-W46 2026-11-09T00:00:00Z
                          week 2026-W47 2026-11-16T00:00:00Z
                at: 2026-11-23T00:00:00Z
            """;

    // the repositories are only read: build them once
    @TempDir
    static Path dir;
    static Path repo;
    static Path gap;

    @BeforeAll
    static void repositories() {
        repo = LearningDemo.build(dir.resolve("shop"), false);
        gap = LearningDemo.build(dir.resolve("gap"), true);
    }

    static Gov gov() {
        return Gov.plain().with(CliEnvironment.GOV_NOW, LearningDemo.NOW);
    }

    @Test
    void check_reports_the_blocker_for_week_three_and_exits_1() {
        Gov.Result r = gov().run("check", "--repo", repo.toString(), "--max-per-rule", "0");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith(W48_BLOCKER);
        assertThat(r.out()).contains("""
                WARNING   learning.metric-degraded  week 2026-W47
                    change failure rate degraded in 2026-W47: 60.0% (5 deployments), up from 40.0% (5 deployments) in 2026-W46
                    evidence: metric change-failure-rate
                              week 2026-W46 2026-11-09T00:00:00Z
                              week 2026-W47 2026-11-16T00:00:00Z
                    at: 2026-11-16T00:00:00Z
                """);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void the_learning_findings_in_json_are_valid_against_the_report_schema() throws IOException {
        Gov.Result r = gov().run("check", "--repo", repo.toString(), "--format", "json");

        try (InputStream in = MetricsCommandTest.class.getClassLoader().getResourceAsStream("dev/governor/report.schema.json")) {
            assertThat(in).as("report.schema.json on the class path").isNotNull();
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
            assertThat(schema.validate(r.out(), InputFormat.JSON)).isEmpty();
        }
        assertThat(r.out()).contains("      \"subject\" : {\n        \"kind\" : \"week\",\n        \"id\" : \"2026-W48\",\n"
                + "        \"at\" : \"2026-11-23T00:00:00Z\",\n        \"detail\" : \"change-failure-rate\"\n      },\n"
                + "      \"change\" : null,\n");
    }

    @Test
    void with_a_gap_week_in_between_check_reports_no_blocker() {
        Gov.Result r = gov().run("check", "--repo", gap.toString());

        assertThat(r.out()).doesNotContain("learning.release-blocker").doesNotContain("week 2026-W47");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void text_shows_every_week_the_degraded_weeks_and_the_blocker() {
        Gov.Result r = gov().run("metrics", "--repo", repo.toString(), "--weeks", "9");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                Learning metrics by ISO week (UTC), 2026-W40 to 2026-W48; now is 2026-W48
                value (data points); * worse than the week before (learning.metric-degraded); - no value

                week       change failure rate   MTTR       revert rate   cross-team blocking time
                2026-W40   -                     -          -             -
                2026-W41   20.0% (5)             6.0h (1)   0.0% (5)      8.0h (1)
                2026-W42   0.0% (5)              -          0.0% (5)      6.0h (1)
                2026-W43   20.0% (5) *           5.0h (1)   20.0% (5) *   7.0h (1) *
                2026-W44   20.0% (5)             4.0h (1)   0.0% (5)      5.0h (1)
                2026-W45   20.0% (5)             4.0h (1)   20.0% (5) *   4.0h (1)
                2026-W46   40.0% (5) *           2.5h (2)   0.0% (5)      4.0h (1)
                2026-W47   60.0% (5) *           2.0h (3)   0.0% (5)      3.0h (1)
                2026-W48   33.3% (3)             1.0h (1)   0.0% (3)      3.0h (1)

                week       deployment frequency   median lead time   rework rate
                2026-W40   -                      -                  -
                2026-W41   4                      5.0h (5)           20.0% (5)
                2026-W42   5                      5.0h (5)           40.0% (5)
                2026-W43   4                      5.0h (5)           60.0% (5)
                2026-W44   4                      5.0h (5)           20.0% (5)
                2026-W45   4                      5.0h (5)           60.0% (5)
                2026-W46   3                      5.0h (5)           40.0% (5)
                2026-W47   2                      29.0h (5)          20.0% (5)
                2026-W48   2                      5.0h (3)           33.3% (3)

                RELEASE BLOCKER  2026-W48  change failure rate degraded two weeks in a row (2026-W46, 2026-W47): releases are blocked in 2026-W48
                1 release blocker in these weeks · learning.minSamples 1 · learning.minRelativeChange 0
                """);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void a_blocker_for_next_week_adds_that_week_to_the_table() {
        Gov.Result r = Gov.plain().with(CliEnvironment.GOV_NOW, "2026-11-20T12:00:00Z")
                .run("metrics", "--repo", repo.toString(), "--weeks", "2");

        // records after now still count, as the history after now does: GOV_NOW only moves the week shown
        assertThat(r.out()).startsWith("Learning metrics by ISO week (UTC), 2026-W46 to 2026-W48; now is 2026-W47\n");
        assertThat(r.out()).contains("\n2026-W48   33.3% (3)             1.0h (1)   0.0% (3)      3.0h (1)\n");
        assertThat(r.out()).endsWith("RELEASE BLOCKER  2026-W48  change failure rate degraded two weeks in a row"
                + " (2026-W46, 2026-W47): releases are blocked in 2026-W48\n"
                + "1 release blocker in these weeks · learning.minSamples 1 · learning.minRelativeChange 0\n");
    }

    @Test
    void json_gives_each_metric_week_by_week_and_the_blockers() throws IOException {
        Gov.Result r = gov().run("metrics", "--repo", repo.toString(), "--format", "json", "--weeks", "3");
        JsonNode json = new ObjectMapper().readTree(r.out());

        assertThat(r.exitCode()).isZero();
        assertThat(json.path("weeks").toString()).isEqualTo("[\"2026-W46\",\"2026-W47\",\"2026-W48\"]");
        JsonNode cfr = json.path("metrics").get(0);
        assertThat(cfr.path("id").asText()).isEqualTo("change-failure-rate");
        assertThat(cfr.path("unit").asText()).isEqualTo("ratio");
        assertThat(cfr.path("gated").asBoolean()).isTrue();
        assertThat(cfr.path("values").toString()).isEqualTo("[{\"week\":\"2026-W46\",\"start\":\"2026-11-09T00:00:00Z\","
                + "\"value\":0.4,\"samples\":5,\"degraded\":true},{\"week\":\"2026-W47\",\"start\":\"2026-11-16T00:00:00Z\","
                + "\"value\":0.6,\"samples\":5,\"degraded\":true},{\"week\":\"2026-W48\",\"start\":\"2026-11-23T00:00:00Z\","
                + "\"value\":0.333333,\"samples\":3,\"degraded\":false}]");
        assertThat(json.path("blockers").toString()).isEqualTo("[{\"week\":\"2026-W48\",\"metric\":\"change-failure-rate\","
                + "\"degradedWeeks\":[\"2026-W46\",\"2026-W47\"],\"message\":\"change failure rate degraded two weeks in a"
                + " row (2026-W46, 2026-W47): releases are blocked in 2026-W48\"}]");
        List<String> ids = new ArrayList<>();
        json.path("metrics").forEach(m -> ids.add(m.path("id").asText() + (m.path("gated").asBoolean() ? "" : " (info)")));
        assertThat(ids).containsExactly("change-failure-rate", "mttr", "revert-rate", "cross-team-blocking-time",
                "deployment-frequency (info)", "lead-time (info)", "rework-rate (info)");
        assertThat(json.path("learning").toString()).isEqualTo("{\"minSamples\":1,\"minRelativeChange\":0}");
        assertThat(json.path("evaluatedAt").asText()).isEqualTo(LearningDemo.NOW);
    }

    @Test
    void html_is_one_page_that_names_nothing_to_fetch_and_is_the_same_every_run() throws IOException {
        Path page = dir.resolve("metrics.html");
        Gov.Result r = gov().run("metrics", "--repo", repo.toString(), "--format", "html", "--output", page.toString());
        Gov.Result again = gov().run("metrics", "--repo", repo.toString(), "--format", "html");
        String html = Files.readString(page);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(again.out()).isEqualTo(html);
        assertThat(html).startsWith("<!DOCTYPE html>\n").endsWith("</html>\n");
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">");
        assertThat(count(html, "<div class=\"chart\" data-chart=\"")).isEqualTo(4);
        assertThat(count(html, "<script")).isEqualTo(3);
        assertThat(html).doesNotContainPattern("(?i)<(script|link|img|iframe)[^>]*\\s(src|href)\\s*=");
        assertThat(html).contains("/* uPlot 1.6.30 (MIT License, github.com/leeoniya/uPlot) */");
        assertThat(html).contains("<li data-week=\"2026-W48\" data-metric=\"change-failure-rate\"><strong>Release"
                + " blocker 2026-W48</strong>: change failure rate degraded two weeks in a row (2026-W46, 2026-W47):"
                + " releases are blocked in 2026-W48</li>");
        assertThat(html).contains("<td class=\"blocker\" data-week=\"2026-W48\">33.3%</td>");
        assertThat(html).contains("<td class=\"degraded\" data-week=\"2026-W47\">60.0%</td>");
    }

    @Test
    void cross_team_waits_come_from_pr_records_and_reviews_yml_together(@TempDir Path scratch) throws IOException {
        Path root;
        try (GitRepo git = GitRepo.init(scratch.resolve("prs"))) {
            git.change("src/A.java", "a", "Add A (#1)", "feature", Instant.parse("2026-11-24T10:00:00Z"));
            git.change("src/B.java", "b", "Add B (#2)", "feature", Instant.parse("2026-11-24T12:00:00Z"));
            root = git.root();
        }
        Files.createDirectories(root.resolve(".gov/prs"));
        // GitHub's pull request object with reviews requested from teams: ann waited 5h for platform; web is her own
        Files.writeString(root.resolve(".gov/prs/1.json"), """
                {"number": 1, "title": "Add A", "user": {"login": "ann"}, "merged_at": "2026-11-24T10:00:00Z",
                 "requested_teams": [{"slug": "platform"}, {"slug": "web"}],
                 "reviews": [{"user": {"login": "bob"}, "state": "APPROVED", "submitted_at": "2026-11-24T08:00:00Z",
                              "team": "platform", "requested_at": "2026-11-24T03:00:00Z"},
                             {"user": {"login": "cy"}, "state": "APPROVED", "submitted_at": "2026-11-24T09:00:00Z",
                              "team": "web", "requested_at": "2026-11-23T09:00:00Z"}]}
                """);
        Files.writeString(root.resolve(".gov/reviews.jsonl"), """
                {"change": "#2", "team": "security", "requested": "2026-11-24T01:00:00Z", "reviewed": "2026-11-24T10:00:00Z"}
                """);
        Files.writeString(root.resolve("governance.yml"), "learning: { teams: { web: [ann] } }\n");

        Gov.Result r = gov().run("metrics", "--repo", root.toString(), "--format", "json", "--weeks", "1");
        JsonNode blocking = new ObjectMapper().readTree(r.out()).path("metrics").get(3);

        assertThat(r.err()).isEmpty();
        assertThat(blocking.path("id").asText()).isEqualTo("cross-team-blocking-time");
        assertThat(blocking.path("values").toString()).isEqualTo("[{\"week\":\"2026-W48\",\"start\":"
                + "\"2026-11-23T00:00:00Z\",\"value\":7,\"samples\":2,\"degraded\":false}]");
    }

    @Test
    void text_in_the_records_cannot_break_out_of_the_page() {
        assertThat(MetricsPage.jsonSafe("{\"message\": \"</script><!-- & more\"}"))
                .isEqualTo("{\"message\": \"\\u003c/script\\u003e\\u003c!-- \\u0026 more\"}");
        assertThat(MetricsPage.escape("<b class=\"x\">&</b>")).isEqualTo("&lt;b class=&quot;x&quot;&gt;&amp;&lt;/b&gt;");
    }

    @Test
    void a_malformed_record_exits_2_naming_file_line_and_field(@TempDir Path scratch) throws IOException {
        Path broken = LearningDemo.build(scratch.resolve("broken"), false);
        Files.writeString(broken.resolve(".gov/deployments.yml"), """
                - { id: d1, sha: 3f2a9c1, env: prod, at: 2026-11-02T15:00:00Z, status: success }
                - { id: d2, sha: 3f2a9c1, env: prod, at: 2026-11-03T15:00:00Z, status: shipped }
                """);
        Files.writeString(broken.resolve(".gov/incidents.yml"), """
                - { id: INC-1, env: prod, opened: 2026-11-02T16:00:00Z, resolved: yesterday, cause: d1 }
                """);

        Gov.Result metrics = gov().run("metrics", "--repo", broken.toString());
        Gov.Result check = gov().run("check", "--repo", broken.toString());
        Files.delete(broken.resolve(".gov/deployments.yml"));
        Gov.Result incident = gov().run("metrics", "--repo", broken.toString());

        assertThat(metrics.exitCode()).isEqualTo(2);
        assertThat(metrics.out()).isEmpty();
        assertThat(metrics.err()).isEqualTo("gov: .gov/deployments.yml:2: bad status 'shipped' for [1].status: use"
                + " success, failed or rolled-back\n");
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).isEqualTo(metrics.err());
        assertThat(incident.exitCode()).isEqualTo(2);
        assertThat(incident.err()).startsWith("gov: .gov/incidents.yml:1: ").contains("[0].resolved");
    }

    @Test
    void metrics_with_learning_left_out_of_layers_says_how_to_put_it_back(@TempDir Path scratch) throws IOException {
        Path releaseOnly = LearningDemo.build(scratch.resolve("release-only"), false);
        Files.writeString(releaseOnly.resolve("governance.yml"), "layers: [release]\n");

        Gov.Result r = gov().run("metrics", "--repo", releaseOnly.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gov: governance.yml: the learning layer is not in force (layers: release): add"
                + " learning to layers to compute its metrics\n");
    }

    @Test
    void weeks_out_of_range_is_a_usage_error() {
        Gov.Result r = gov().run("metrics", "--repo", repo.toString(), "--weeks", "0");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("gov: --weeks must be between 1 and 520, was 0\n");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
