package dev.governor.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gov sign-off on real git repositories with real gate files, as a CI job runs it: the verdict and exit
 * code, the evidence, --record read back with plain git, and --post github against a local GitHub API.
 */
class SignOffEndToEndTest {
    static final String TOKEN = "ghs_neverPrintThisToken";

    @TempDir
    Path dir;

    Path repo;
    String head;
    final List<String> gates = new ArrayList<>();

    @BeforeEach
    void a_small_shop() {
        try (GitRepo git = GitRepo.init(dir.resolve("shop"))) {
            repo = git.root();
            git.change("src/shop/Cart.java", "v1", "Add the cart (#1)", "feature", Instant.parse("2026-11-20T10:00:00Z"));
            head = git.change("src/shop/Cart.java", "v2", "Add checkout (#2)", "feature", Instant.parse("2026-11-21T10:00:00Z"));
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** The three gates a CI gives: lint (Checkstyle), typecheck (JUnit), security-scan (SARIF); all passing. */
    private void passingGates() throws IOException {
        gate("lint", write("checkstyle.xml", "<checkstyle version=\"10\"><file name=\"src/shop/Cart.java\"/></checkstyle>"));
        gate("typecheck", write("junit.xml", "<testsuite tests=\"1\"><testcase classname=\"Cart\" name=\"adds\"/></testsuite>"));
        gate("security-scan", write("scan.sarif", "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": "
                + "{\"name\": \"CodeQL\"}}, \"results\": []}]}"));
    }

    private void gate(String name, Path file) {
        gates.removeIf(g -> g.startsWith(name + "="));
        gates.add(name + "=" + file);
    }

    private Gov.Result signOff(String... more) {
        List<String> args = new ArrayList<>(List.of("sign-off", "--repo", repo.toString(), "--sha", head, "--env", "prod",
                "--by", "bob@example.com"));
        gates.forEach(g -> args.addAll(List.of("--gate", g)));
        args.addAll(List.of(more));
        return Gov.atNow().run(args.toArray(String[]::new));
    }

    @Test
    void all_five_gates_passing_and_nothing_blocking_exits_0_and_prints_the_evidence() throws IOException {
        passingGates();

        Gov.Result r = signOff();

        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).startsWith("### ✅ Signed off: `" + head.substring(0, 12) + "` for `prod`\n\nAll 9 predicates"
                + " hold · by bob@example.com at 2026-11-26T12:00:00Z · 2 changes (no earlier sign-off for prod)\n");
        assertThat(r.out()).contains("| ✅ | gate security-scan | SARIF (CodeQL): 0 errors, 0 warnings (" + dir.resolve("scan.sarif") + ") |\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void a_missing_gate_exits_1_with_that_predicate_marked() throws IOException {
        passingGates();
        gates.remove(2);

        Gov.Result r = signOff();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("| ❌ | gate security-scan | required gate 'security-scan' has no result for "
                + head.substring(0, 12) + " (being signed off for prod): give the sign-off a result"
                + " file for it (a gate file named security-scan, or one in .gov/gates/" + head.substring(0, 12) + "/) |\n");
    }

    @Test
    void a_failing_junit_file_exits_1() throws IOException {
        passingGates();
        gate("typecheck", write("failing.xml", "<testsuite><testcase classname=\"Cart\" name=\"adds\"><failure/></testcase></testsuite>"));

        Gov.Result r = signOff();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("| ❌ | gate typecheck | required gate 'typecheck' failed for " + head.substring(0, 12)
                + ": JUnit: 1 test, 1 failure, 0 errors; first: Cart.adds (" + dir.resolve("failing.xml") + ") |\n");
    }

    @Test
    void a_sarif_error_exits_1() throws IOException {
        passingGates();
        gate("security-scan", write("bad.sarif", "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\":"
                + " \"Semgrep\"}}, \"results\": [{\"ruleId\": \"sql-injection\", \"level\": \"error\", \"message\":"
                + " {\"text\": \"user input in SQL\"}}]}]}"));

        Gov.Result r = signOff("--format", "json");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("\"verdict\" : \"failed\"")
                .contains("\"message\" : \"required gate 'security-scan' failed for " + head.substring(0, 12)
                        + ": SARIF (Semgrep): 1 error, 0 warnings; first: sql-injection: user input in SQL (");
    }

    @Test
    void a_blocking_finding_in_the_range_exits_1() throws IOException {
        try (GitRepo git = GitRepo.init(repo)) {
            git.change("src/pay/Ledger.java", "v1", "Fix rounding (#3)", "tactical-fix", Instant.parse("2026-11-22T10:00:00Z"));
            git.change("src/pay/Ledger.java", "v2", "Fix rounding again (#4)", "tactical-fix", Instant.parse("2026-11-23T10:00:00Z"));
            head = git.change("src/pay/Ledger.java", "v3", "Fix it once more (#5)", "tactical-fix", Instant.parse("2026-11-24T10:00:00Z"));
        }
        passingGates();

        Gov.Result r = signOff();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("| ❌ | no blocking finding of another layer in the range | #5 carries blocking"
                + " intent.tactical-hotspot (src/pay/Ledger.java) and is in the range released to prod since the governed"
                + " history began (no earlier sign-off for prod): resolve it before this release |\n");
    }

    @Test
    void record_stores_the_json_evidence_that_plain_git_shows_and_the_next_sign_off_starts_after_it() throws Exception {
        passingGates();

        Gov.Result first = signOff("--record");
        String note = plainGit("notes", "--ref", "governance", "show", head);

        assertThat(first.exitCode()).isEqualTo(0);
        assertThat(first.err()).isEqualTo("gov: recorded the evidence in refs/notes/governance on " + head + "\n");
        assertThat(note).startsWith("{\"schemaVersion\":1,\"kind\":\"governor.sign-off\",\"sha\":\"" + head
                + "\",\"env\":\"prod\",\"at\":\"2026-11-26T12:00:00Z\",\"by\":\"bob@example.com\",\"verdict\":\"passed\","
                + "\"range\":{\"since\":null,\"count\":2,\"first\":\"#1\",\"last\":\"#2\"}");
        assertThat(note.lines()).hasSize(1);

        String signedOff = head;
        try (GitRepo git = GitRepo.init(repo)) {
            head = git.change("src/shop/Cart.java", "v3", "Add coupons (#3)", "feature", Instant.parse("2026-11-25T10:00:00Z"));
        }
        Gov.Result next = signOff("--format", "json");
        assertThat(next.out()).contains("\"range\" : {\n    \"since\" : \"" + signedOff + "\",\n    \"count\" : 1,");
    }

    @Test
    void a_deployment_without_sign_off_evidence_gives_unsigned_deployment() throws Exception {
        Files.createDirectories(repo.resolve(".gov"));
        Files.writeString(repo.resolve(".gov/deployments.yml"), "- { id: d-7, sha: " + head.substring(0, 12)
                + ", env: prod, at: 2026-11-25T16:30:00Z, status: success }\n");

        Gov.Result before = Gov.atNow().run("check", "--repo", repo.toString());
        passingGates();
        signOff("--record");
        Gov.Result after = Gov.atNow().run("check", "--repo", repo.toString());

        assertThat(before.out()).contains("WARNING   release.unsigned-deployment  deployment d-7\n    deployment d-7 of "
                + head.substring(0, 12) + " to prod has no passing sign-off evidence for that SHA and environment in"
                + " refs/notes/governance: sign off " + head.substring(0, 12) + " for prod and record the evidence"
                + " (gov sign-off) before deploying\n");
        assertThat(after.out()).doesNotContain("release.unsigned-deployment");
    }

    @Test
    void post_github_posts_the_markdown_as_a_commit_comment_and_never_prints_the_token() throws IOException {
        passingGates();
        WireMockServer github = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        github.start();
        try {
            String path = "/repos/acme/shop/commits/" + head + "/comments";
            github.stubFor(post(path).willReturn(aResponse().withStatus(201)
                    .withBody("{\"html_url\": \"https://github.example/acme/shop/commit/" + head + "#c-1\"}")));
            List<String> args = new ArrayList<>(List.of("sign-off", "--repo", repo.toString(), "--sha", head, "--env",
                    "prod", "--post", "github"));
            gates.forEach(g -> args.addAll(List.of("--gate", g)));

            Gov.Result r = Gov.atNow().with("GITHUB_TOKEN", TOKEN).with("GITHUB_REPOSITORY", "acme/shop")
                    .with("GITHUB_API_URL", github.baseUrl()).with("GITHUB_ACTOR", "bob")
                    .run(args.toArray(String[]::new));

            assertThat(r.exitCode()).isEqualTo(0);
            assertThat(r.err()).isEqualTo("gov: posted the evidence to https://github.example/acme/shop/commit/" + head
                    + "#c-1\n");
            github.verify(postRequestedFor(urlEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                    .withRequestBody(containing("### ✅ Signed off: `" + head.substring(0, 12) + "` for `prod`")));
            assertThat(r.out() + r.err()).doesNotContain(TOKEN);
        } finally {
            github.stop();
        }
    }

    @Test
    void a_refused_token_exits_2_with_what_to_fix() throws IOException {
        passingGates();
        WireMockServer github = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        github.start();
        try {
            github.stubFor(post(urlEqualTo("/repos/acme/shop/commits/" + head + "/comments"))
                    .willReturn(aResponse().withStatus(401).withBody("{\"message\": \"Bad credentials\"}")));

            Gov.Result r = Gov.atNow().with("GITHUB_TOKEN", TOKEN).with("GITHUB_REPOSITORY", "acme/shop")
                    .with("GITHUB_API_URL", github.baseUrl())
                    .run("sign-off", "--repo", repo.toString(), "--sha", head, "--env", "prod", "--by", "bob",
                            "--post", "github", "--verbose");

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("gov: GitHub: GitHub refused the token (401 Unauthorized): GitHub says \"Bad"
                    + " credentials\"; set GITHUB_TOKEN to a valid, unexpired token\n");
            assertThat(r.out() + r.err()).doesNotContain(TOKEN);
        } finally {
            github.stop();
        }
    }

    @Test
    void a_malformed_gate_file_exits_2_naming_file_and_line() throws IOException {
        passingGates();
        Path bad = write("broken.xml", "<testsuite>\n<testcase name=\"a\">\n</testsuite>\n");
        gate("typecheck", bad);

        Gov.Result r = signOff();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("gov: " + bad + ":3: not well-formed XML: ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_sha_that_is_not_on_the_branch_exits_2() {
        Gov.Result r = Gov.atNow().run("sign-off", "--repo", repo.toString(), "--sha", "0000000", "--env", "prod",
                "--by", "bob");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gov: " + repo + ": '0000000' is not a commit of the first-parent history of main"
                + " (2 changes read): sign off a commit of the branch, by its SHA (7 digits or more) or change id\n");
    }

    private String plainGit(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
