package dev.graft.branch.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParentPointTest {

    @Test
    void isTheHeadAnLsnOrAMomentNeverTwo() {
        assertThat(ParentPoint.head().isHead()).isTrue();
        assertThat(ParentPoint.lsn("0/1DE2850").lsn()).contains("0/1DE2850");
        assertThatThrownBy(() -> ParentPoint.lsn("yesterday")).hasMessageContaining("lsn must look like 0/1DE2850");
        assertThatThrownBy(() -> new ParentPoint(Optional.of("0/1"), Optional.of(Instant.EPOCH)))
                .hasMessage("give an lsn or a timestamp, not both");
    }
}
