package dev.governor.adapters.git;

import dev.governor.api.GovernanceException;
import dev.governor.input.Format;
import dev.governor.input.Limits;
import dev.governor.input.ListNode;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.input.NullNode;
import dev.governor.input.ScalarNode;
import dev.governor.input.StructuredInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads the PR records in {@code .gov/prs/*.json}: one pull request object per file, or an array of
 * them, in the shape of GitHub's REST objects. Every malformed record is an error naming file and
 * line; none is skipped. Fields not read are ignored, and {@code null} is the same as absent, as
 * GitHub writes it ({@code "merged_at": null}). Values are read by their text, as everywhere in
 * Governor's input: {@code "number": "12"} is PR 12.
 */
final class PrRecords {

    static final String DIR = ".gov/prs";

    private PrRecords() {
    }

    /** Every record under {@code workTree/.gov/prs}, files in name order; empty when there is no such directory. */
    static List<PrRecord> read(Path workTree) {
        Path dir = workTree.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new GovernanceException(DIR, 0, "cannot list the PR records: " + e.getMessage(), e);
        }
        List<PrRecord> records = new ArrayList<>();
        Map<Long, PrRecord> byNumber = new HashMap<>();
        for (Path file : files) {
            String name = DIR + "/" + file.getFileName();
            for (PrRecord pr : records(StructuredInput.read(file, name, Format.JSON, Limits.RECORDS))) {
                PrRecord earlier = byNumber.putIfAbsent(pr.number(), pr);
                if (earlier != null) {
                    throw new GovernanceException(name, pr.line(), "PR #" + pr.number() + " is also recorded at "
                            + earlier.file() + ":" + earlier.line() + ": keep one record per pull request");
                }
                records.add(pr);
            }
        }
        return records;
    }

    /** The records in one file's text. */
    static List<PrRecord> parse(String name, String text) {
        return records(StructuredInput.parse(text, Format.JSON, name, Limits.RECORDS));
    }

    private static List<PrRecord> records(Node root) {
        if (root instanceof NullNode) {
            throw root.error("empty PR record: write a pull request object (or an array of them), or delete the file");
        }
        if (root instanceof ListNode list) {
            return list.items().stream().map(PrRecords::record).toList();
        }
        return List.of(record(root));
    }

    private static PrRecord record(Node node) {
        if (!(node instanceof MapNode pr)) {
            throw node.error((node.path().isEmpty() ? "a PR record" : "PR record " + node.path())
                    + " must be a pull request object, found " + node.describe());
        }
        Node numberNode = pr.opt("number");
        if (numberNode == null) {
            throw pr.error(field(pr, "number") + " is missing: every PR record needs the pull request's number");
        }
        int number = numberNode.asInt(1, Integer.MAX_VALUE);
        String title = text(pr.opt("title"));
        String body = text(pr.opt("body"));
        String login = login(pr.opt("user"));
        List<String> labels = new ArrayList<>();
        for (Node label : items(pr.opt("labels"))) {
            String name = text(label.asMap().opt("name"));
            if (name != null) {
                labels.add(name);
            }
        }
        Instant mergedAt = optional(pr.opt("merged_at"), Node::asInstant);
        String mergeSha = text(pr.opt("merge_commit_sha"));
        List<String> teams = new ArrayList<>();
        for (Node team : items(pr.opt("requested_teams"))) {
            MapNode t = team.asMap();
            String slug = text(t.opt("slug"));
            if (slug == null) {
                throw t.error(field(t, "slug") + " is missing: name the team by its slug");
            }
            teams.add(slug);
        }
        List<PrRecord.PrReview> reviews = new ArrayList<>();
        for (Node review : items(pr.opt("reviews"))) {
            MapNode r = review.asMap();
            reviews.add(new PrRecord.PrReview(login(r.opt("user")), text(r.opt("state")),
                    optional(r.opt("submitted_at"), Node::asInstant), text(r.opt("team")),
                    optional(r.opt("requested_at"), Node::asInstant)));
        }
        return new PrRecord(node.source(), node.line(), number, title, body, login, labels, mergedAt,
                mergeSha == null ? null : mergeSha.toLowerCase(Locale.ROOT), teams, reviews);
    }

    /** The path of a field of a record, as messages name it: {@code number}, {@code [1].number}. */
    private static String field(MapNode map, String key) {
        return map.path().isEmpty() ? key : map.path() + "." + key;
    }

    private static String login(Node user) {
        return user == null ? null : text(user.asMap().opt("login"));
    }

    private static List<Node> items(Node list) {
        return list == null ? List.of() : list.asList().items();
    }

    private static <T> T optional(Node node, Function<Node, T> read) {
        return node == null ? null : read.apply(node);
    }

    /** A single value's text, blank allowed (GitHub writes {@code "body": ""}); {@code null} when absent. */
    private static String text(Node node) {
        if (node instanceof ScalarNode scalar && scalar.text().isBlank()) {
            return scalar.text();
        }
        return optional(node, Node::asString);
    }
}
