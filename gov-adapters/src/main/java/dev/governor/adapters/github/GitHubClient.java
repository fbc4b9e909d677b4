package dev.governor.adapters.github;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.governor.api.GovernanceException;
import dev.governor.input.Format;
import dev.governor.input.Limits;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.input.StructuredInput;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Posts a commit comment through GitHub's REST API ({@code POST /repos/{owner}/{repo}/commits/{sha}/comments}),
 * configured as GitHub Actions configures a job: {@code GITHUB_TOKEN}, {@code GITHUB_REPOSITORY}
 * ({@code owner/name}) and {@code GITHUB_API_URL} (default {@code https://api.github.com}; GitHub Enterprise
 * Server gives its own).
 *
 * <pre>{@code
 * URI comment = GitHubClient.fromEnvironment(System.getenv()).commitComment(sha, evidence.toMarkdown());
 * }</pre>
 *
 * <p>A 5xx answer, a network failure and a secondary rate limit are tried again, up to four attempts in all,
 * waiting 1 s, 2 s, 4 s (or what {@code Retry-After} / {@code x-ratelimit-reset} ask, up to a minute); a
 * 401, 403, 404 or 422 is not, and says what to fix. The token is sent only in the {@code Authorization}
 * header: it is never part of a message, of {@link #toString()}, or of an exception (anything GitHub echoes
 * is scrubbed of it).
 */
public final class GitHubClient {
    /** GitHub.com's API, when {@code GITHUB_API_URL} is not set. */
    public static final String DEFAULT_API = "https://api.github.com";

    static final int ATTEMPTS = 4;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,40}");
    private static final String SOURCE = "GitHub";

    /** Waits between attempts; tests record the waits instead. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final URI api;
    private final String repository;
    private final String token;
    private final HttpClient http;
    private final Sleeper sleeper;

    GitHubClient(URI api, String repository, String token, HttpClient http, Sleeper sleeper) {
        this.api = api;
        this.repository = repository;
        this.token = token;
        this.http = http;
        this.sleeper = sleeper;
    }

    /**
     * A client from {@code GITHUB_TOKEN}, {@code GITHUB_REPOSITORY} and {@code GITHUB_API_URL}.
     *
     * @throws GovernanceException naming the variable that is missing or malformed
     */
    public static GitHubClient fromEnvironment(Map<String, String> environment) {
        String token = environment.get("GITHUB_TOKEN");
        if (token == null || token.isBlank()) {
            throw new GovernanceException("GITHUB_TOKEN", 0, "not set: posting to GitHub needs a token allowed to write"
                    + " commit comments (contents: write); in GitHub Actions pass env: GITHUB_TOKEN: ${{ github.token }}");
        }
        String repository = environment.get("GITHUB_REPOSITORY");
        if (repository == null || !REPOSITORY.matcher(repository.strip()).matches()) {
            throw new GovernanceException("GITHUB_REPOSITORY", 0, (repository == null ? "not set" : "'" + repository
                    + "' is not owner/name") + ": set it to the repository to comment on, like acme/shop");
        }
        String given = environment.getOrDefault("GITHUB_API_URL", "");
        URI api = api(given.isBlank() ? DEFAULT_API : given.strip());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new GitHubClient(api, repository.strip(), token.strip(), http, d -> Thread.sleep(d.toMillis()));
    }

    private static URI api(String text) {
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        try {
            URI uri = new URI(trimmed);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new GovernanceException("GITHUB_API_URL", 0, "'" + text + "' is not an http(s) URL: set it to the"
                    + " API's URL, like https://api.github.com, or unset it");
        }
    }

    /**
     * Posts {@code body} (Markdown) as a comment on commit {@code sha}.
     *
     * @return the comment's page ({@code html_url}), or its API URL when GitHub gave none
     * @throws GovernanceException saying what to fix when GitHub refuses it, or that it kept failing
     */
    public URI commitComment(String sha, String body) {
        if (!SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("not a commit SHA: " + sha);
        }
        URI uri = URI.create(api + "/repos/" + repository + "/commits/" + sha + "/comments");
        String json = "{\"body\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(body)) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "governor")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        String what = "the comment on " + abbreviate(sha) + " in " + repository;
        String lastProblem = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastProblem = "cannot reach " + api + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + scrub(e.getMessage())) + ")";
                pause(attempt, backoff(attempt), what, lastProblem);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GovernanceException(SOURCE, 0, "interrupted while posting " + what);
            }
            int status = response.statusCode();
            if (status == 200 || status == 201) {
                return commentUrl(response.body(), uri);
            }
            Optional<Duration> limited = rateLimited(response);
            if (limited.isPresent()) {
                Duration wait = limited.get();
                if (wait.compareTo(LONGEST_WAIT) > 0) {
                    throw new GovernanceException(SOURCE, 0, "GitHub's rate limit stopped " + what + " (" + status
                            + "); it asks to wait " + wait.toSeconds() + " s: post again after that");
                }
                lastProblem = "rate limited (" + status + ")";
                pause(attempt, wait, what, lastProblem);
                continue;
            }
            if (status >= 500) {
                lastProblem = status + reason(status);
                pause(attempt, backoff(attempt), what, lastProblem);
                continue;
            }
            throw refused(status, response.body(), sha, what);
        }
        throw new GovernanceException(SOURCE, 0, "GitHub kept failing (" + lastProblem + ") through " + ATTEMPTS
                + " attempts: " + what + " was not posted; post it again later");
    }

    private void pause(int attempt, Duration wait, String what, String problem) {
        if (attempt == ATTEMPTS) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GovernanceException(SOURCE, 0, "interrupted while waiting to post " + what + " again (" + problem + ")");
        }
    }

    /** 1 s, 2 s, 4 s … */
    static Duration backoff(int attempt) {
        return Duration.ofSeconds(1L << (attempt - 1));
    }

    /**
     * How long a rate limit asks to wait, if the answer is one: a 429, or a 403 with {@code Retry-After}, with
     * {@code x-ratelimit-remaining: 0}, or saying so in its message (GitHub's secondary rate limits).
     */
    static Optional<Duration> rateLimited(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status != 403 && status != 429) {
            return Optional.empty();
        }
        Optional<String> retryAfter = response.headers().firstValue("retry-after");
        if (retryAfter.isPresent()) {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.get().strip()))));
            } catch (NumberFormatException e) {
                return Optional.of(LONGEST_WAIT);
            }
        }
        boolean exhausted = response.headers().firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false);
        if (exhausted) {
            Optional<String> reset = response.headers().firstValue("x-ratelimit-reset");
            if (reset.isPresent()) {
                try {
                    long seconds = Long.parseLong(reset.get().strip()) - Instant.now().getEpochSecond();
                    return Optional.of(Duration.ofSeconds(Math.max(1, seconds)));
                } catch (NumberFormatException e) {
                    return Optional.of(LONGEST_WAIT);
                }
            }
            return Optional.of(LONGEST_WAIT);
        }
        String body = response.body() == null ? "" : response.body().toLowerCase(java.util.Locale.ROOT);
        if (status == 429 || body.contains("secondary rate limit") || body.contains("rate limit exceeded")) {
            return Optional.of(LONGEST_WAIT); // GitHub: "wait at least one minute before retrying"
        }
        return Optional.empty();
    }

    private GovernanceException refused(int status, String body, String sha, String what) {
        String says = message(body).map(m -> ": GitHub says \"" + scrub(m) + "\"").orElse("");
        String problem = switch (status) {
            case 401 -> "GitHub refused the token (401 Unauthorized)" + says + "; set GITHUB_TOKEN to a valid,"
                    + " unexpired token";
            case 403 -> "GitHub forbade " + what + " (403 Forbidden)" + says + "; the token needs permission to write"
                    + " commit comments (contents: write, or the repo scope)";
            case 404 -> "GitHub found no commit " + abbreviate(sha) + " in " + repository + " (404 Not Found)" + says
                    + "; check GITHUB_REPOSITORY and that the commit is pushed (a token that cannot see a private"
                    + " repository gets 404 too)";
            case 422 -> "GitHub did not accept " + what + " (422 Unprocessable Entity)" + says;
            default -> "GitHub answered " + status + reason(status) + " to " + what + says;
        };
        return new GovernanceException(SOURCE, 0, problem);
    }

    private static String reason(int status) {
        return switch (status) {
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }

    /** GitHub's {@code message} field of an error answer, if it has one. */
    private static Optional<String> message(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            Node root = StructuredInput.parse(body, Format.JSON, "GitHub's answer", Limits.POLICY);
            if (root instanceof MapNode map && map.opt("message") != null) {
                return Optional.of(map.opt("message").asString());
            }
        } catch (GovernanceException notJson) {
            // an HTML error page from a proxy: say nothing of it
        }
        return Optional.empty();
    }

    private static URI commentUrl(String body, URI fallback) {
        try {
            Node root = StructuredInput.parse(body, Format.JSON, "GitHub's answer", Limits.RECORDS);
            if (root instanceof MapNode map && map.opt("html_url") != null) {
                return URI.create(map.opt("html_url").asString());
            }
        } catch (RuntimeException unexpected) {
            // posted all the same; the answer's shape is GitHub's business
        }
        return fallback;
    }

    /** Text with the token taken out, should anything echo it. */
    private String scrub(String text) {
        return token.isEmpty() ? text : text.replace(token, "***");
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    /** The API and repository; never the token. */
    @Override
    public String toString() {
        return "GitHubClient[" + api + ", " + repository + "]";
    }
}
