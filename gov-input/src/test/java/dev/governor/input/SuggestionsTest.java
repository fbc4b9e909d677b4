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

    @Test
    void short_words_allow_one_edit_and_longer_words_two() {
        assertThat(Suggestions.closest("abcd", List.of("abxy"))).isNull();
        assertThat(Suggestions.closest("abcd", List.of("abxd"))).isEqualTo("abxd");
        assertThat(Suggestions.closest("abcde", List.of("abxye"))).isEqualTo("abxye");
        assertThat(Suggestions.closest("abcde", List.of("axyze"))).isNull();
    }

    @Test
    void a_candidate_as_many_letters_longer_as_edits_are_allowed_is_still_compared() {
        assertThat(Suggestions.closest("cont", List.of("count"))).isEqualTo("count");
        assertThat(Suggestions.closest("cnt", List.of("count"))).isNull();
    }

    @Test
    void the_fewest_edits_win_and_ties_go_to_the_earlier_candidate() {
        assertThat(Suggestions.closest("cat", List.of("bat", "hat"))).isEqualTo("bat");
        assertThat(Suggestions.closest("windw", List.of("windows", "window"))).isEqualTo("window");
    }

    @Test
    void the_distance_counts_insertions_deletions_and_substitutions() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("abc", "")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }
}
