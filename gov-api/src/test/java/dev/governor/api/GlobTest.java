package dev.governor.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void double_star_slash_matches_at_the_root_and_at_any_depth() {
        assertThat(Glob.matches("**/pnpm-lock.yaml", "pnpm-lock.yaml")).isTrue();
        assertThat(Glob.matches("**/pnpm-lock.yaml", "web/app/pnpm-lock.yaml")).isTrue();
        assertThat(Glob.matches("**/pnpm-lock.yaml", "web/app/pnpm-lock.yaml.bak")).isFalse();
        assertThat(Glob.matches("**/pnpm-lock.yaml", "web/my-pnpm-lock.yaml")).isFalse();
    }

    @Test
    void trailing_double_star_matches_everything_below_but_not_a_sibling() {
        assertThat(Glob.matches("docs/**", "docs/adr/0001-x.md")).isTrue();
        assertThat(Glob.matches("docs/**", "docs/a.md")).isTrue();
        assertThat(Glob.matches("docs/**", "docsite/a.md")).isFalse();
        assertThat(Glob.matches("src/**/generated/*.java", "src/generated/A.java")).isTrue();
        assertThat(Glob.matches("src/**/generated/*.java", "src/a/b/generated/A.java")).isTrue();
    }

    @Test
    void single_star_and_question_mark_stay_within_a_segment() {
        assertThat(Glob.matches("services/*", "services/billing")).isTrue();
        assertThat(Glob.matches("services/*", "services/billing/pom.xml")).isFalse();
        assertThat(Glob.matches("v?/api.yaml", "v1/api.yaml")).isTrue();
        assertThat(Glob.matches("v?/api.yaml", "v10/api.yaml")).isFalse();
        assertThat(Glob.matches("*.lock", "Cargo.lock")).isTrue();
        assertThat(Glob.matches("*.lock", "crates/Cargo.lock")).isFalse();
    }

    @Test
    void character_classes_and_literals_are_matched_as_written() {
        assertThat(Glob.matches("v[12]/x", "v2/x")).isTrue();
        assertThat(Glob.matches("v[!12]/x", "v2/x")).isFalse();
        assertThat(Glob.matches("a.b(c)+", "a.b(c)+")).isTrue();
        assertThat(Glob.matches("a.b", "axb")).isFalse();
        assertThat(Glob.matches("a[b", "a[b")).isTrue();
    }
}
