package dev.governor.adapters.records;

import dev.governor.api.Deployment;
import dev.governor.api.FactContext;
import dev.governor.api.FactSource;
import dev.governor.api.Facts;
import dev.governor.api.Incident;
import dev.governor.api.Review;
import dev.governor.input.MapNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The deployment, incident and review records a repository keeps in {@code .gov/} (formats.md, "Deployments,
 * incidents, gate results"), as {@link Deployment}, {@link Incident} and {@link Review} facts. Found through
 * {@link java.util.ServiceLoader}; with no repository in the context it has nothing to say.
 *
 * <pre>
 * # .gov/deployments.yml
 * - { id: d-101, sha: 3f2a9c1d0b7e, env: prod, at: 2026-11-06T16:30:00Z, status: success }
 * </pre>
 */
public final class RecordsSource implements FactSource {
    static final List<String> DEPLOYMENT_FIELDS = List.of("id", "sha", "env", "at", "status");
    static final List<String> INCIDENT_FIELDS = List.of("id", "env", "opened", "resolved", "cause");
    static final List<String> REVIEW_FIELDS = List.of("change", "team", "requested", "reviewed");

    @Override
    public Facts read(FactContext context) {
        Path repo = context.repository();
        if (repo == null) {
            return Facts.empty();
        }
        Facts.Builder facts = Facts.builder();
        deployments(repo).forEach(facts::deployment);
        incidents(repo).forEach(facts::incident);
        reviews(repo).forEach(facts::review);
        return facts.build();
    }

    /** {@code .gov/deployments.yml}: {@code id}, {@code sha}, {@code env}, {@code at}, {@code status}. */
    public static List<Deployment> deployments(Path repository) {
        Path file = RecordFiles.find(repository, "deployments");
        return file == null ? List.of() : RecordFiles.read(repository, file, DEPLOYMENT_FIELDS, r -> new Deployment(
                r.require("id").asString(), r.require("sha").asString(), r.require("env").asString(),
                r.require("at").asInstant(),
                r.require("status").asChoice("status", Deployment.Status.class, Deployment.Status::id)), Deployment::id);
    }

    /** {@code .gov/incidents.yml}: {@code id}, {@code env}, {@code opened}, {@code resolved} (absent while open), {@code cause}. */
    public static List<Incident> incidents(Path repository) {
        Path file = RecordFiles.find(repository, "incidents");
        return file == null ? List.of() : RecordFiles.read(repository, file, INCIDENT_FIELDS, RecordsSource::incident,
                Incident::id);
    }

    private static Incident incident(MapNode r) {
        Instant opened = r.require("opened").asInstant();
        Instant resolved = RecordFiles.instant(r, "resolved");
        if (resolved != null && resolved.isBefore(opened)) {
            throw r.require("resolved").error("incident '" + r.require("id").asString() + "' is resolved before it was "
                    + "opened: fix 'resolved' or 'opened'");
        }
        return new Incident(r.require("id").asString(), RecordFiles.text(r, "env"), opened, resolved,
                RecordFiles.text(r, "cause"));
    }

    /** {@code .gov/reviews.yml}: {@code change}, {@code team}, {@code requested}, {@code reviewed} (cross-team waits). */
    public static List<Review> reviews(Path repository) {
        Path file = RecordFiles.find(repository, "reviews");
        return file == null ? List.of() : RecordFiles.read(repository, file, REVIEW_FIELDS, RecordsSource::review, null);
    }

    private static Review review(MapNode r) {
        Instant requested = r.require("requested").asInstant();
        Instant reviewed = RecordFiles.instant(r, "reviewed");
        if (reviewed != null && reviewed.isBefore(requested)) {
            throw r.require("reviewed").error("the review of " + r.require("change").asString() + " by team "
                    + r.require("team").asString() + " is before it was requested: fix 'reviewed' or 'requested'");
        }
        return new Review(r.require("change").asString(), null, null, r.require("team").asString(), requested, reviewed);
    }
}
