package dev.governor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Glob matches the common shapes ({@code **}{@code /name}, {@code **}{@code /*.ext}, {@code dir/**}, literals) by
 * comparing strings; its regex is the definition. On globs and paths built from a small alphabet, where
 * near-misses are likely, the two always agree.
 */
class GlobPropertiesTest {

    @Property(tries = 3000)
    void the_fast_paths_agree_with_the_regex(@ForAll("globs") String glob, @ForAll("paths") String path) {
        Glob g = Glob.of(glob);

        assertThat(g.matches(path)).as("%s against %s", glob, path).isEqualTo(g.matchesByRegex(path));
    }

    @Provide
    Arbitrary<String> globs() {
        Arbitrary<String> literal = Arbitraries.of("a", "b", "a.lock", ".lock", "lock", "a/b", "b.a");
        Arbitrary<String> shaped = Arbitraries.oneOf(
                literal,
                literal.map(l -> "**/" + l),
                literal.map(l -> "**/*" + l),
                literal.map(l -> l + "/**"),
                literal.map(l -> "*" + l),
                literal.map(l -> l + "/*"),
                literal.map(l -> "**/" + l + "/**"),
                Arbitraries.of("**", "**/*", "*", "/**", "a/**/b", "[ab]/*.lock", "?.lock"));
        return shaped;
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("a", "b", "a.lock", ".lock", "lock", "alock", "x.lock").list().ofMinSize(1).ofMaxSize(4)
                .map(segments -> String.join("/", segments));
    }

    @Property(tries = 200)
    void lockfile_defaults_match_at_the_root_and_below_and_nowhere_else(
            @ForAll("directories") List<String> dirs) {
        String prefix = dirs.isEmpty() ? "" : String.join("/", dirs) + "/";

        assertThat(Glob.matches("**/pnpm-lock.yaml", prefix + "pnpm-lock.yaml")).isTrue();
        assertThat(Glob.matches("**/pnpm-lock.yaml", prefix + "my-pnpm-lock.yaml")).isFalse();
        assertThat(Glob.matches("**/*.lock", prefix + "Cargo.lock")).isTrue();
        assertThat(Glob.matches("**/*.lock", prefix + "Cargo.lock/src")).isFalse();
    }

    @Provide
    Arbitrary<List<String>> directories() {
        return Arbitraries.of("web", "app", "crates", "a.b").list().ofMaxSize(3);
    }
}
