package dev.graft.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BranchNamesTest {

    @Test
    void aCleanNameIsKept() {
        assertThat(BranchNames.sanitize("pr-42")).isEqualTo("pr-42");
        assertThat(BranchNames.sanitize("feature_x")).isEqualTo("feature_x");
    }

    @Test
    void aChangedNameGetsAHashSoDifferentRequestsStayApart() {
        String slash = BranchNames.sanitize("PR/42");
        String underscore = BranchNames.sanitize("pr_42");
        assertThat(slash).matches("pr_42-[0-9a-f]{8}");
        assertThat(underscore).isEqualTo("pr_42");
        assertThat(slash).isNotEqualTo(underscore);
    }

    @Test
    void injectionAttemptsBecomeHarmlessNames() {
        assertThat(BranchNames.sanitize("x\"; DROP DATABASE postgres; --")).matches("[a-z][a-z0-9_-]*");
    }

    @Test
    void longNamesAreCutTo63CharactersAndStayUnique() {
        String a = BranchNames.sanitize("a".repeat(100));
        String b = BranchNames.sanitize("a".repeat(101));
        assertThat(a).hasSize(BranchNames.MAX_LENGTH);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aNameStartingWithADigitGetsALetterFirst() {
        assertThat(BranchNames.sanitize("42")).startsWith("b_42");
    }

    @Test
    void blankNamesAreRejected() {
        assertThatThrownBy(() -> BranchNames.sanitize(" ")).isInstanceOf(BranchException.class).hasMessageContaining("blank");
    }
}
