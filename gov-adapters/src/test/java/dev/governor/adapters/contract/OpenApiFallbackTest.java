package dev.governor.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.governor.api.ContractDiff;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Descriptions swagger-parser reads but openapi-diff cannot compare (replays of Stripe's and Cloudflare's found
 * a stack overflow on recursive schemas, a class cast, and two paths that differ only in parameter names): the
 * diff of the trees takes over, so a large real description is never refused for a limit of the library.
 */
class OpenApiFallbackTest {
    /** Two paths with one signature: openapi-diff's path matcher refuses them. */
    static final String BASE = """
            openapi: 3.0.3
            info: {title: Captions, version: 1.0.0}
            paths:
              /videos/{id}/captions:
                get:
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: captions
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Caption'}
              /videos/{video}/captions:
                delete:
                  parameters:
                    - {name: video, in: path, required: true, schema: {type: string}}
                  responses:
                    '204': {description: deleted}
            components:
              schemas:
                Caption:
                  type: object
                  required: [language]
                  properties:
                    language: {type: string, enum: [en, fr]}
                    label: {type: string}
            """;

    @Test
    void a_pair_openapi_diff_refuses_is_diffed_on_its_trees_with_responses_read_by_clients() {
        String revision = BASE.replace("enum: [en, fr]", "enum: [en, fr, de]")
                .replace("        label: {type: string}\n", "")
                .replace("  /videos/{video}/captions:\n    delete:", "  /videos/{video}/captions:\n    put:");

        SpecDiff diff = SpecDiffs.diff(BASE.getBytes(StandardCharsets.UTF_8), "v1.yaml",
                revision.getBytes(StandardCharsets.UTF_8), "v2.yaml");

        assertThat(diff.items()).extracting(ContractDiff.Item::kind, ContractDiff.Item::pointer, ContractDiff.Item::breaking)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("response-property-removed", "/paths/~1videos~1{id}~1captions/get"
                                + "/responses/200/content/application~1json/schema/properties/label", true),
                        org.assertj.core.groups.Tuple.tuple("response-enum-value-added", "/paths/~1videos~1{id}~1captions/get"
                                + "/responses/200/content/application~1json/schema/properties/language/enum", true),
                        org.assertj.core.groups.Tuple.tuple("operation-removed", "/paths/~1videos~1{video}~1captions/delete", true),
                        org.assertj.core.groups.Tuple.tuple("operation-added", "/paths/~1videos~1{video}~1captions/put", false));
    }
}
