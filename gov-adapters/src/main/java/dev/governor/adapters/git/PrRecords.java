package dev.governor.adapters.git;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.governor.api.GovernanceException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the PR records in {@code .gov/prs/*.json}: one pull request object per file, or an array of
 * them. Every malformed record is an error naming file and line; none is skipped.
 */
final class PrRecords {

    static final String DIR = ".gov/prs";
    private static final JsonFactory JSON = JsonFactory.builder().build();

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
            for (PrRecord pr : parse(name, read(name, file))) {
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

    private static String read(String name, Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new GovernanceException(name, 0, "cannot read this PR record: " + e.getMessage(), e);
        }
    }

    /** The records in one file's text. */
    static List<PrRecord> parse(String name, String text) {
        Node root;
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new GovernanceException(name, 1, "empty PR record: write a pull request object (or an array of them), or delete the file");
            }
            root = node(parser);
            if (parser.nextToken() != null) {
                throw new GovernanceException(name, parser.currentLocation().getLineNr(),
                        "unexpected content after the JSON value: keep one object or one array per file");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() != null ? Math.max(0, e.getLocation().getLineNr()) : 0;
            throw new GovernanceException(name, line, "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new GovernanceException(name, 0, "cannot read this PR record: " + e.getMessage(), e);
        }
        List<PrRecord> out = new ArrayList<>();
        if (root.value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                out.add(record(name, (Node) items.get(i), "[" + i + "]"));
            }
        } else {
            out.add(record(name, root, ""));
        }
        return out;
    }

    private static PrRecord record(String file, Node node, String where) {
        Map<String, Node> pr = object(file, node, where.isEmpty() ? "a PR record" : "PR record " + where,
                "a pull request object");
        Node numberNode = pr.get("number");
        if (numberNode == null || numberNode.value == null) {
            throw new GovernanceException(file, node.line, label(where, "number")
                    + " is missing: every PR record needs the pull request's number");
        }
        if (!(numberNode.value instanceof Long number)) {
            throw wrongType(file, numberNode, label(where, "number"), "an integer");
        }
        String title = string(file, pr.get("title"), label(where, "title"));
        String body = string(file, pr.get("body"), label(where, "body"));
        String login = login(file, pr.get("user"), label(where, "user"));
        List<String> labels = new ArrayList<>();
        List<Node> labelNodes = array(file, pr.get("labels"), label(where, "labels"));
        for (int i = 0; i < labelNodes.size(); i++) {
            String what = label(where, "labels") + "[" + i + "]";
            Map<String, Node> l = object(file, labelNodes.get(i), what, "a label object");
            String labelName = string(file, l.get("name"), what + ".name");
            if (labelName != null) {
                labels.add(labelName);
            }
        }
        Instant mergedAt = instant(file, pr.get("merged_at"), label(where, "merged_at"));
        String mergeSha = string(file, pr.get("merge_commit_sha"), label(where, "merge_commit_sha"));
        List<String> teams = new ArrayList<>();
        List<Node> teamNodes = array(file, pr.get("requested_teams"), label(where, "requested_teams"));
        for (int i = 0; i < teamNodes.size(); i++) {
            String what = label(where, "requested_teams") + "[" + i + "]";
            Map<String, Node> t = object(file, teamNodes.get(i), what, "a team object");
            String slug = string(file, t.get("slug"), what + ".slug");
            if (slug == null) {
                throw new GovernanceException(file, teamNodes.get(i).line, what + ".slug is missing: name the team by its slug");
            }
            teams.add(slug);
        }
        List<PrRecord.PrReview> reviews = new ArrayList<>();
        List<Node> reviewNodes = array(file, pr.get("reviews"), label(where, "reviews"));
        for (int i = 0; i < reviewNodes.size(); i++) {
            String what = label(where, "reviews") + "[" + i + "]";
            Map<String, Node> r = object(file, reviewNodes.get(i), what, "a review object");
            String state = string(file, r.get("state"), what + ".state");
            reviews.add(new PrRecord.PrReview(login(file, r.get("user"), what + ".user"), state,
                    instant(file, r.get("submitted_at"), what + ".submitted_at"),
                    string(file, r.get("team"), what + ".team"),
                    instant(file, r.get("requested_at"), what + ".requested_at")));
        }
        return new PrRecord(file, node.line, number, title, body, login, labels, mergedAt,
                mergeSha == null ? null : mergeSha.toLowerCase(java.util.Locale.ROOT), teams, reviews);
    }

    private static String label(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }

    private static String login(String file, Node user, String what) {
        if (user == null || user.value == null) {
            return null;
        }
        Map<String, Node> u = object(file, user, what, "a user object with a login");
        return string(file, u.get("login"), what + ".login");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Node> object(String file, Node node, String what, String expected) {
        if (!(node.value instanceof Map<?, ?> map)) {
            throw wrongType(file, node, what, expected);
        }
        return (Map<String, Node>) map;
    }

    @SuppressWarnings("unchecked")
    private static List<Node> array(String file, Node node, String what) {
        if (node == null || node.value == null) {
            return List.of();
        }
        if (!(node.value instanceof List<?> list)) {
            throw wrongType(file, node, what, "an array");
        }
        return (List<Node>) list;
    }

    private static String string(String file, Node node, String what) {
        if (node == null || node.value == null) {
            return null;
        }
        if (!(node.value instanceof String s)) {
            throw wrongType(file, node, what, "a string");
        }
        return s;
    }

    private static Instant instant(String file, Node node, String what) {
        String text = string(file, node, what);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new GovernanceException(file, node.line, what + " must be an ISO-8601 time such as "
                    + "2026-11-02T10:00:00Z, was '" + text + "'");
        }
    }

    private static GovernanceException wrongType(String file, Node node, String what, String expected) {
        return new GovernanceException(file, node.line, what + " must be " + expected + ", was " + describe(node.value));
    }

    private static String describe(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return "null";
    }

    /** A JSON value with the line it starts on: Jackson's tree model forgets locations. */
    private record Node(Object value, int line) {}

    /** The value starting at the parser's current token. */
    private static Node node(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, node(p));
                }
                return new Node(map, line);
            }
            case START_ARRAY -> {
                List<Node> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(node(p));
                }
                return new Node(list, line);
            }
            case VALUE_STRING -> {
                return new Node(p.getText(), line);
            }
            case VALUE_NUMBER_INT -> {
                return new Node(p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : (Object) p.getLongValue(), line);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Node(p.getDoubleValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node(p.getBooleanValue(), line);
            }
            case VALUE_NULL -> {
                return new Node(null, line);
            }
            default -> throw new IllegalStateException("unexpected JSON token " + t);
        }
    }
}
