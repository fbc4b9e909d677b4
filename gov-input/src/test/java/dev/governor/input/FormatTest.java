package dev.governor.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void yml_and_yaml_are_yaml() {
        assertThat(Format.of("governance.yml")).isEqualTo(Format.YAML);
        assertThat(Format.of("contracts/registry.yaml")).isEqualTo(Format.YAML);
    }

    @Test
    void json_is_json() {
        assertThat(Format.of(".gov/prs/412.json")).isEqualTo(Format.JSON);
    }

    @Test
    void jsonl_and_ndjson_are_json_lines() {
        assertThat(Format.of(".gov/deployments.jsonl")).isEqualTo(Format.JSON_LINES);
        assertThat(Format.of("deployments.ndjson")).isEqualTo(Format.JSON_LINES);
    }

    @Test
    void the_extension_is_read_ignoring_case() {
        assertThat(Format.of("GOVERNANCE.YML")).isEqualTo(Format.YAML);
    }

    @Test
    void only_the_last_extension_counts() {
        assertThat(Format.of("deployments.json.yml")).isEqualTo(Format.YAML);
    }

    @Test
    void a_name_that_is_only_an_extension_has_that_format() {
        assertThat(Format.of(".yml")).isEqualTo(Format.YAML);
    }

    @Test
    void an_unknown_extension_names_the_file_and_the_accepted_ones() {
        assertThatThrownBy(() -> Format.of(".gov/notes.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot tell the format of '.gov/notes.txt': name it .yml, .yaml, .json, .jsonl or .ndjson");
    }

    @Test
    void a_name_without_an_extension_is_refused() {
        assertThatThrownBy(() -> Format.of("yml"))
                .hasMessage("cannot tell the format of 'yml': name it .yml, .yaml, .json, .jsonl or .ndjson");
    }
}
