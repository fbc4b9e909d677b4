package dev.governor.adapters.git;

import java.time.Instant;
import java.util.List;

/**
 * A pull request as recorded by the host in {@code .gov/prs/} (the GitHub REST shape, the fields read).
 *
 * @param file           the record's file, relative to the repository root
 * @param line           the line its object starts on
 * @param number         the PR number
 * @param title          its title, or {@code null}
 * @param body           its description, or {@code null}
 * @param login          its author's login, or {@code null}
 * @param labels         its label names
 * @param mergedAt       when it was merged, or {@code null}
 * @param mergeCommitSha the merge commit, or {@code null}
 * @param requestedTeams the teams a review was requested from
 * @param reviews        its reviews
 */
record PrRecord(String file, int line, long number, String title, String body, String login, List<String> labels,
                Instant mergedAt, String mergeCommitSha, List<String> requestedTeams, List<PrReview> reviews) {

    PrRecord {
        labels = List.copyOf(labels);
        requestedTeams = List.copyOf(requestedTeams);
        reviews = List.copyOf(reviews);
    }

    /** One review object of a PR record. */
    record PrReview(String login, String state, Instant submittedAt, String team, Instant requestedAt) {}
}
