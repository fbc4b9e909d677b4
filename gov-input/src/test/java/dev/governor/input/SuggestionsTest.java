package dev.governor.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> KEYS = List.of("count", "window", "scope");

    @Test
    void a_one_letter_typo_suggests_the_key() {
        assertThat(Suggestions.closest("windw", KEYS)).isEqualTo("window");
    }

    @Test
    void case_is_ignored_when_comparing() {
        assertThat(Suggestions.closest("ruledirs", List.of("rules", "ruleDirs"))).isEqualTo("ruleDirs");
    }

    @Test
    void a_word_far_from_every_key_suggests_nothing() {
        assertThat(Suggestions.closest("colour", KEYS)).isNull();
    }
}
