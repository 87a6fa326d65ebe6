package dev.graft.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Did-you-mean: a transposition is one edit, and the allowance grows with the word. */
class SuggestionsTest {

    @Test
    void swappedNeighboursAreOneEdit() {
        assertThat(Suggestions.distance("form", "from")).isEqualTo(1);
        assertThat(Suggestions.distance("tabel", "table")).isEqualTo(1);
        assertThat(Suggestions.distance("from", "from")).isZero();
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
        assertThat(Suggestions.distance("abc", "ca")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void suggestsTheTransposedKey() {
        assertThat(Suggestions.closest("form", List.of("table", "from", "to"))).hasValue("from");
        assertThat(Suggestions.closest("colmun", List.of("table", "column"))).hasValue("column");
    }

    @Test
    void shortWordsGetOneEditLongerWordsMore() {
        assertThat(Suggestions.allowance(3)).isEqualTo(1);
        assertThat(Suggestions.allowance(5)).isEqualTo(1);
        assertThat(Suggestions.allowance(8)).isEqualTo(2);
        assertThat(Suggestions.allowance(20)).isEqualTo(3);
        assertThat(Suggestions.closest("xy", List.of("to"))).isEmpty();
        assertThat(Suggestions.closest("on_confilct", List.of("on_conflict", "orphans"))).hasValue("on_conflict");
        assertThat(Suggestions.closest("primary", List.of("primary_key_name"))).isEmpty();
    }

    @Test
    void aHugeWordIsComparedOnlyWithCandidatesOfSimilarLength() {
        assertThat(Suggestions.closest("x".repeat(1_000_000), List.of("table", "column"))).isEmpty();
    }
}
