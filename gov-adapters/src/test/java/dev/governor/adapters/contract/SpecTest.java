package dev.governor.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.governor.api.GovernanceException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a contract file is, its version, and the files Governor refuses to diff. */
class SpecTest {

    private static Spec parse(String text, String name) {
        return Spec.parse(text.getBytes(StandardCharsets.UTF_8), name);
    }

    @Test
    void an_openapi_description_states_its_version_in_info() {
        Spec spec = parse("openapi: 3.1.0\ninfo: {title: t, version: 2.3.0}\npaths: {}\n", "api.yaml");
        assertThat(spec.kind()).isEqualTo(Spec.Kind.OPENAPI);
        assertThat(spec.version()).isEqualTo("2.3.0");
    }

    @Test
    void a_json_schema_states_its_version_in_version_else_in_the_last_vn_segment_of_its_id() {
        assertThat(parse("{\"$id\": \"https://x.test/v1/order/v3/\", \"type\": \"object\"}", "s.json").version())
                .isEqualTo("3");
        assertThat(parse("{\"$id\": \"https://x.test/v1/order.json\", \"version\": \"1.2.0\"}", "s.json").version())
                .isEqualTo("1.2.0");
        assertThat(parse("{\"type\": \"object\"}", "s.json").version()).isNull();
    }

    @Test
    void a_reference_to_another_file_is_refused_at_its_line() {
        assertThatThrownBy(() -> parse("openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a:\n"
                + "    $ref: 'paths/a.yaml'\n", "api.yaml"))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("api.yaml:5: $ref 'paths/a.yaml' points outside this file: Governor diffs self-contained specs;"
                        + " bundle it into one file (redocly bundle, swagger-cli bundle) and register that");
    }

    @Test
    void an_openapi_version_governor_does_not_read_is_refused_at_its_line() {
        assertThatThrownBy(() -> parse("info: {title: t}\nswagger: '1.2'\n", "api.yaml"))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("api.yaml:2: swagger is '1.2': Governor reads OpenAPI 2.0 (swagger: \"2.0\") and 3.x"
                        + " (openapi: 3.0.3, 3.1.0 …)");
    }

    @Test
    void a_description_swagger_parser_cannot_read_names_the_line_of_what_is_wrong() {
        Spec spec = parse("openapi: 3.0.3\ninfo: {title: t, version: 1.0.0}\npaths: 7\n", "api.yaml");
        assertThatThrownBy(() -> SpecDiffs.diff(spec, spec))
                .isInstanceOf(GovernanceException.class)
                .hasMessage("api.yaml:3: not a valid OpenAPI description: attribute paths is not of type `object`");
    }

    @Test
    void only_openapi_with_info_or_paths_and_json_schemas_that_say_so_are_detected_as_specs() {
        assertThat(Spec.detect("openapi: 3.0.3\ninfo: {title: t, version: 1}\n".getBytes(StandardCharsets.UTF_8), "a.yaml"))
                .isEqualTo("openapi");
        assertThat(Spec.detect("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"}"
                .getBytes(StandardCharsets.UTF_8), "a.json")).isEqualTo("json-schema");
        assertThat(Spec.detect("owners: [team]\n".getBytes(StandardCharsets.UTF_8), "a.yaml")).isNull();
        assertThat(Spec.detect("{ not json".getBytes(StandardCharsets.UTF_8), "a.json")).isNull();
    }
}
