package dev.governor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gov diff on files on disk: verdicts, formats, --fail-on and the ignore file. */
class DiffCommandTest {
    static final String BASE = """
            openapi: 3.0.3
            info: {title: Orders, version: 1.0.0}
            paths:
              /orders:
                get:
                  responses:
                    '200': {description: ok}
              /orders/{id}:
                get:
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '200': {description: ok}
            """;
    /** Without /orders/{id}, with an optional query parameter on /orders. */
    static final String REVISION = """
            openapi: 3.0.3
            info: {title: Orders, version: 2.0.0}
            paths:
              /orders:
                get:
                  parameters:
                    - {name: limit, in: query, schema: {type: integer}}
                  responses:
                    '200': {description: ok}
            """;

    @TempDir
    Path dir;

    private String file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f.toString();
    }

    @Test
    void a_removed_path_breaks_clients_and_exits_1() throws IOException {
        String base = file("v1.yaml", BASE);
        String revision = file("v2.yaml", REVISION);

        Gov.Result r = Gov.atNow().run("diff", base, revision);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("""
                ok        request-parameter-added  /paths/~1orders/get/parameters/0
                    GET /orders: optional query parameter 'limit' was added
                BREAKING  path-removed  /paths/~1orders~1{id}
                    path /orders/{id} was removed
                1 breaking, 1 compatible, 0 ignored · openapi 1.0.0 → 2.0.0
                """);
    }

    @Test
    void json_lists_each_difference_in_pointer_order_with_its_waiver() throws IOException {
        String base = file("v1.yaml", BASE);
        String revision = file("v2.yaml", REVISION);

        Gov.Result r = Gov.atNow().run("diff", base, revision, "--format", "json");

        assertThat(r.out()).isEqualTo("{\n"
                + "  \"base\" : \"" + base + "\",\n"
                + "  \"revision\" : \"" + revision + "\",\n"
                + """
                  "breaking" : true,
                  "differences" : [
                    {
                      "kind" : "request-parameter-added",
                      "pointer" : "/paths/~1orders/get/parameters/0",
                      "breaking" : false,
                      "message" : "GET /orders: optional query parameter 'limit' was added",
                      "waiver" : null
                    },
                    {
                      "kind" : "path-removed",
                      "pointer" : "/paths/~1orders~1{id}",
                      "breaking" : true,
                      "message" : "path /orders/{id} was removed",
                      "waiver" : null
                    }
                  ],
                  "expired" : [ ],
                  "stale" : [ ]
                }
                """);
    }

    @Test
    void a_compatible_difference_passes_unless_fail_on_is_any() throws IOException {
        String base = file("v1.yaml", BASE);
        String revision = file("v2.yaml", BASE.replace("version: 1.0.0", "version: 1.1.0")
                .replace("  /orders/{id}:", "  /customers:\n    get:\n      responses:\n        '200': {description: ok}\n  /orders/{id}:"));

        assertThat(Gov.atNow().run("diff", base, revision).exitCode()).isZero();
        assertThat(Gov.atNow().run("diff", base, revision, "--fail-on", "any").exitCode()).isEqualTo(1);
    }

    @Test
    void an_ignored_difference_is_printed_with_its_reason_and_never_fails() throws IOException {
        String base = file("v1.yaml", BASE);
        String revision = file("v2.yaml", REVISION);
        String ignore = file("accepted.txt", """
                # checkout-service moved first
                path-removed /paths/~1orders~1{id} until 2026-12-31 -- checkout moved to /orders in #412
                """);

        Gov.Result r = Gov.atNow().run("diff", base, revision, "--ignore", ignore);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                ok        request-parameter-added  /paths/~1orders/get/parameters/0
                    GET /orders: optional query parameter 'limit' was added
                IGNORED   path-removed  /paths/~1orders~1{id}
                    path /orders/{id} was removed
                    ignored: checkout moved to /orders in #412 (until 2026-12-31)
                0 breaking, 1 compatible, 1 ignored · openapi 1.0.0 → 2.0.0
                """);
    }

    @Test
    void an_expired_line_no_longer_applies_and_a_line_that_matches_nothing_is_stale() throws IOException {
        String base = file("v1.yaml", BASE);
        String revision = file("v2.yaml", REVISION);
        String ignore = file("accepted.txt", """
                path-removed /paths/~1orders~1{id} until 2026-11-01 -- checkout moved to /orders in #412
                operation-removed /paths/~1users/get -- users moved to their own service
                """);

        Gov.Result r = Gov.atNow().run("diff", base, revision, "--ignore", ignore);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).endsWith("""
                BREAKING  path-removed  /paths/~1orders~1{id}
                    path /orders/{id} was removed
                expired ignore line 1: path-removed /paths/~1orders~1{id} until 2026-11-01 -- checkout moved to /orders in #412 (no longer applies: renew or remove it)
                stale ignore line 2: operation-removed /paths/~1users/get -- users moved to their own service (matches no difference: remove it)
                1 breaking, 1 compatible, 0 ignored · openapi 1.0.0 → 2.0.0
                """);
    }

    @Test
    void an_ignore_line_without_a_reason_is_bad_input() throws IOException {
        String base = file("v1.yaml", BASE);
        String ignore = file("accepted.txt", "\npath-removed /paths/~1orders~1{id}\n");

        Gov.Result r = Gov.atNow().run("diff", base, base, "--ignore", ignore);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gov: " + ignore + ":2: 'path-removed /paths/~1orders~1{id}' gives no reason:"
                + " write KIND POINTER [until YYYY-MM-DD] -- reason (why the difference is accepted)\n");
    }

    @Test
    void a_file_that_does_not_parse_exits_2_with_its_line() throws IOException {
        String base = file("v1.yaml", BASE);
        String broken = file("v2.yaml", BASE.replace("  /orders:\n", "  /orders: [\n"));

        Gov.Result r = Gov.atNow().run("diff", base, broken);

        assertThat(r.exitCode()).isEqualTo(2);
        // the flow sequence opened on line 5 is found unclosed where line 6 starts a mapping
        assertThat(r.err()).isEqualTo("gov: " + broken + ":6: invalid YAML: while parsing a flow sequence, expected ','"
                + " or ']', but got :; fix the syntax (indentation, quotes, brackets)\n");
    }

    @Test
    void json_schemas_are_diffed_too() throws IOException {
        String base = file("order.v1.json", """
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://acme.test/v1/order.json",
                 "type": "object", "required": ["id"],
                 "properties": {"id": {"type": "string"}, "status": {"enum": ["new", "paid", "sent"]}}}
                """);
        String revision = file("order.v2.json", """
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://acme.test/v2/order.json",
                 "type": "object", "required": ["id", "status"], "additionalProperties": false,
                 "properties": {"id": {"type": "string", "maxLength": 36}, "status": {"enum": ["new", "paid"]}}}
                """);

        Gov.Result r = Gov.atNow().run("diff", base, revision);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("""
                BREAKING  additional-properties-closed  /additionalProperties
                    properties not listed at the root are no longer allowed
                BREAKING  constraint-tightened  /properties/id/maxLength
                    maxLength at /properties/id was added: 36
                BREAKING  enum-value-removed  /properties/status/enum
                    enum value "sent" was removed at /properties/status
                BREAKING  property-made-required  /required
                    property 'status' is now required
                4 breaking, 0 compatible, 0 ignored · json-schema 1 → 2
                """);
    }
}
