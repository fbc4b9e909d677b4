package dev.governor.adapters.contract;

import dev.governor.api.GovernanceException;
import dev.governor.input.Format;
import dev.governor.input.Limits;
import dev.governor.input.ListNode;
import dev.governor.input.MapNode;
import dev.governor.input.Node;
import dev.governor.input.ScalarNode;
import dev.governor.input.StructuredInput;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One contract file, read through the shared safe reader: what it is (OpenAPI or JSON Schema), its tree (every
 * node knows its line), its text (what swagger-parser reads) and its version.
 *
 * @param name    the file as messages name it
 * @param kind    OpenAPI (2.0 or 3.x) or JSON Schema
 * @param root    the document
 * @param text    the document's text
 * @param version OpenAPI's {@code info.version}; JSON Schema's {@code version}, else the {@code /vN/} of its
 *                {@code $id}; {@code null} when it states none
 */
record Spec(String name, Kind kind, MapNode root, String text, String version) {

    /** What a contract file is. */
    enum Kind {
        OPENAPI("an OpenAPI description"), JSON_SCHEMA("a JSON Schema");

        final String noun;

        Kind(String noun) {
            this.noun = noun;
        }
    }

    /** Specs are larger than policies; the bounds still refuse what no spec needs (a 64 MiB description is rare). */
    static final Limits LIMITS = new Limits(64 << 20, 20, 256);

    private static final Pattern ID_VERSION = Pattern.compile("/v(\\d+(?:\\.\\d+)*)(?:/|$)");

    /**
     * Reads a registered spec.
     *
     * @throws GovernanceException naming the file and line: not YAML or JSON, neither OpenAPI nor JSON Schema, an
     *                             OpenAPI version Governor does not read, or an external {@code $ref}
     */
    static Spec parse(byte[] bytes, String name) {
        Format format;
        try {
            format = Format.of(name);
        } catch (IllegalArgumentException e) {
            throw new GovernanceException(name, 0, e.getMessage());
        }
        if (format == Format.JSON_LINES) {
            throw new GovernanceException(name, 0, "a spec is one YAML or JSON document: name it .yaml, .yml or .json");
        }
        Node node = StructuredInput.parse(bytes, format, name, LIMITS);
        if (!(node instanceof MapNode root)) {
            throw new GovernanceException(name, node.line(), "a spec must be a map of keys (an OpenAPI description"
                    + " or a JSON Schema), found " + node.describe());
        }
        Kind kind = kind(root);
        if (kind == Kind.OPENAPI) {
            checkOpenApiVersion(root);
        }
        refuseExternalRefs(root);
        return new Spec(name, kind, root, new String(bytes, StandardCharsets.UTF_8), version(root, kind));
    }

    /**
     * What the bytes read as, for files no registry entry names: {@code openapi}, {@code json-schema}, or
     * {@code null} for a file that does not parse or reads as anything else (never an error).
     */
    static String detect(byte[] bytes, String name) {
        try {
            Format format = Format.of(name);
            if (format == Format.JSON_LINES) {
                return null;
            }
            Node node = StructuredInput.parse(bytes, format, name, LIMITS);
            if (!(node instanceof MapNode root)) {
                return null;
            }
            if (root.get("openapi") != null || root.get("swagger") != null) {
                return root.get("info") != null || root.get("paths") != null ? "openapi" : null;
            }
            return root.get("$schema") != null || root.get("$id") != null
                    && (root.get("type") != null || root.get("properties") != null) ? "json-schema" : null;
        } catch (GovernanceException | IllegalArgumentException e) {
            return null; // not YAML or JSON at all: not a spec
        }
    }

    private static Kind kind(MapNode root) {
        return root.get("openapi") != null || root.get("swagger") != null ? Kind.OPENAPI : Kind.JSON_SCHEMA;
    }

    private static void checkOpenApiVersion(MapNode root) {
        Node openapi = root.get("openapi");
        Node swagger = root.get("swagger");
        Node v = openapi != null ? openapi : swagger;
        String text = v instanceof ScalarNode s ? s.text() : "";
        boolean known = openapi != null ? text.startsWith("3.") : text.equals("2.0");
        if (!known) {
            throw v.error((openapi != null ? "openapi" : "swagger") + " is " + v.describe()
                    + ": Governor reads OpenAPI 2.0 (swagger: \"2.0\") and 3.x (openapi: 3.0.3, 3.1.0 …)");
        }
    }

    /**
     * A {@code $ref} to another file or a URL would make a check read beyond the repository's history (or the
     * network): refused with what to do.
     */
    private static void refuseExternalRefs(Node node) {
        if (node instanceof MapNode map) {
            for (String key : map.keys()) {
                Node value = map.get(key);
                if (key.equals("$ref") && value instanceof ScalarNode s && !s.text().startsWith("#")) {
                    throw value.error("$ref '" + s.text() + "' points outside this file: Governor diffs self-contained"
                            + " specs; bundle it into one file (redocly bundle, swagger-cli bundle) and register that");
                }
                refuseExternalRefs(value);
            }
        } else if (node instanceof ListNode list) {
            list.items().forEach(Spec::refuseExternalRefs);
        }
    }

    private static String version(MapNode root, Kind kind) {
        if (kind == Kind.OPENAPI) {
            return root.get("info") instanceof MapNode info && info.get("version") instanceof ScalarNode v
                    && !v.text().isBlank() ? v.text().strip() : null;
        }
        if (root.get("version") instanceof ScalarNode v && !v.text().isBlank()) {
            return v.text().strip();
        }
        if (root.get("$id") instanceof ScalarNode id) {
            Matcher m = ID_VERSION.matcher(id.text());
            String found = null;
            while (m.find()) {
                found = m.group(1); // the last /vN/ segment: https://acme.com/v1/schemas/order/v2/ is 2
            }
            return found;
        }
        return null;
    }

    /** The line of the node at a path of keys, or of the deepest one found on the way (for library messages). */
    int lineOf(String... keys) {
        Node node = root;
        for (String key : keys) {
            Node next = node instanceof MapNode m ? m.get(key) : null;
            if (next == null) {
                break;
            }
            node = next;
        }
        return node.line();
    }
}
