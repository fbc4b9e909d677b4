package dev.governor.adapters.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.governor.api.GovernanceException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The commit-comment client against a local GitHub API that answers as GitHub does, failures included. */
class GitHubClientTest {
    static final String TOKEN = "ghs_s3cr3tT0k3nThatMustNeverLeak";
    static final String SHA = "3f2a9c1d0b7e4a5b6c7d8e9f0a1b2c3d4e5f6a7b";
    static final String PATH = "/repos/acme/shop/commits/" + SHA + "/comments";

    static WireMockServer github;

    final List<Duration> waits = new ArrayList<>();
    GitHubClient client;

    @BeforeAll
    static void start() {
        github = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        github.start();
    }

    @AfterAll
    static void stop() {
        github.stop();
    }

    @BeforeEach
    void a_client_that_records_its_waits() {
        github.resetAll();
        client = new GitHubClient(URI.create(github.baseUrl()), "acme/shop", TOKEN, HttpClient.newHttpClient(), waits::add);
    }

    @Test
    void the_comment_is_posted_with_the_token_in_the_authorization_header_only() {
        github.stubFor(post(PATH).willReturn(aResponse().withStatus(201)
                .withBody("{\"id\": 1, \"html_url\": \"https://github.com/acme/shop/commit/" + SHA + "#commitcomment-1\"}")));

        URI url = client.commitComment(SHA, "### ✅ Signed off\n| a | b |");

        assertThat(url).hasToString("https://github.com/acme/shop/commit/" + SHA + "#commitcomment-1");
        github.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withRequestBody(equalToJson("{\"body\": \"### ✅ Signed off\\n| a | b |\"}")));
        assertThat(waits).isEmpty();
        assertThat(client.toString()).doesNotContain(TOKEN);
    }

    @Test
    void a_server_error_is_tried_again_with_backoff_until_it_passes() {
        github.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("second"));
        github.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        github.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(201).withBody("{}")));

        URI url = client.commitComment(SHA, "evidence");

        assertThat(url).hasToString(github.baseUrl() + PATH);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void a_server_that_keeps_failing_is_given_up_on_after_four_attempts() {
        github.stubFor(post(PATH).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> client.commitComment(SHA, "evidence")).isInstanceOf(GovernanceException.class)
                .hasMessage("GitHub: GitHub kept failing (500 Internal Server Error) through 4 attempts: the comment on"
                        + " 3f2a9c1d0b7e in acme/shop was not posted; post it again later");
        github.verify(4, postRequestedFor(urlEqualTo(PATH)));
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void a_secondary_rate_limit_waits_as_long_as_retry_after_asks() {
        github.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("Retry-After", "7")
                        .withBody("{\"message\": \"You have exceeded a secondary rate limit.\"}"))
                .willSetStateTo("free"));
        github.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(201).withBody("{}")));

        client.commitComment(SHA, "evidence");

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void a_secondary_rate_limit_without_retry_after_waits_a_minute() {
        github.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(403)
                        .withBody("{\"message\": \"You have exceeded a secondary rate limit. Please wait a few minutes.\"}"))
                .willSetStateTo("free"));
        github.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(201).withBody("{}")));

        client.commitComment(SHA, "evidence");

        assertThat(waits).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void a_rate_limit_asking_for_longer_than_a_minute_says_when_to_post_again() {
        github.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> client.commitComment(SHA, "evidence")).hasMessage("GitHub: GitHub's rate limit stopped"
                + " the comment on 3f2a9c1d0b7e in acme/shop (429); it asks to wait 3600 s: post again after that");
        assertThat(waits).isEmpty();
    }

    @Test
    void a_refused_token_says_to_fix_the_token_and_never_shows_it() {
        github.stubFor(post(PATH).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\": \"Bad credentials " + TOKEN + "\"}")));

        assertThatThrownBy(() -> client.commitComment(SHA, "evidence")).hasMessage("GitHub: GitHub refused the token"
                + " (401 Unauthorized): GitHub says \"Bad credentials ***\"; set GITHUB_TOKEN to a valid, unexpired token");
        github.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void a_forbidden_comment_names_the_permission_the_token_needs() {
        github.stubFor(post(PATH).willReturn(aResponse().withStatus(403)
                .withBody("{\"message\": \"Resource not accessible by integration\"}")));

        assertThatThrownBy(() -> client.commitComment(SHA, "evidence")).hasMessage("GitHub: GitHub forbade the comment"
                + " on 3f2a9c1d0b7e in acme/shop (403 Forbidden): GitHub says \"Resource not accessible by integration\";"
                + " the token needs permission to write commit comments (contents: write, or the repo scope)");
    }

    @Test
    void an_unknown_commit_or_repository_says_what_to_check() {
        github.stubFor(post(PATH).willReturn(aResponse().withStatus(404).withBody("{\"message\": \"Not Found\"}")));

        assertThatThrownBy(() -> client.commitComment(SHA, "evidence")).hasMessage("GitHub: GitHub found no commit"
                + " 3f2a9c1d0b7e in acme/shop (404 Not Found): GitHub says \"Not Found\"; check GITHUB_REPOSITORY and"
                + " that the commit is pushed (a token that cannot see a private repository gets 404 too)");
    }

    @Test
    void the_environment_must_give_a_token_and_a_repository() {
        assertThatThrownBy(() -> GitHubClient.fromEnvironment(Map.of("GITHUB_REPOSITORY", "acme/shop")))
                .hasMessage("GITHUB_TOKEN: not set: posting to GitHub needs a token allowed to write commit comments"
                        + " (contents: write); in GitHub Actions pass env: GITHUB_TOKEN: ${{ github.token }}");
        assertThatThrownBy(() -> GitHubClient.fromEnvironment(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_REPOSITORY", "shop")))
                .hasMessage("GITHUB_REPOSITORY: 'shop' is not owner/name: set it to the repository to comment on, like acme/shop");
        assertThatThrownBy(() -> GitHubClient.fromEnvironment(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_REPOSITORY",
                "acme/shop", "GITHUB_API_URL", "ftp://x"))).hasMessage("GITHUB_API_URL: 'ftp://x' is not an http(s)"
                + " URL: set it to the API's URL, like https://api.github.com, or unset it");
        assertThat(GitHubClient.fromEnvironment(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_REPOSITORY", "acme/shop")))
                .hasToString("GitHubClient[https://api.github.com, acme/shop]");
    }
}
