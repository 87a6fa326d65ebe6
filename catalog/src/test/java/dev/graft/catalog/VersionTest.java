package dev.graft.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void comparesAsFlywayDoes() {
        assertThat(Version.parse("04")).isEqualTo(Version.parse("4"));
        assertThat(Version.parse("1.0")).isEqualTo(Version.parse("1")).hasSameHashCodeAs(Version.parse("1"));
        assertThat(Version.parse("1_1")).isEqualTo(Version.parse("1.1"));
        assertThat(Version.parse("1.10")).isGreaterThan(Version.parse("1.9"));
        assertThat(Version.parse("2026.11.24.1")).isLessThan(Version.parse("2026.11.24.2"));
    }

    @Test
    void sortsInFlywayOrder() {
        List<Version> versions = new ArrayList<>(List.of(Version.parse("10"), Version.parse("1.1"),
                Version.parse("2"), Version.parse("1"), Version.parse("1.0.1")));
        Collections.sort(versions);
        assertThat(versions).map(Version::toString).containsExactly("1", "1.0.1", "1.1", "2", "10");
    }

    @Test
    void showsUnderscoresAsDots() {
        assertThat(Version.parse("2026_11_24_1")).hasToString("2026.11.24.1");
    }

    @Test
    void rejectsWhatFlywayRejects() {
        assertThatThrownBy(() -> Version.parse("1..2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Version.parse("v1")).hasMessage("invalid version \"v1\": use digits separated by \".\" or \"_\"");
        assertThat(Version.isValid("")).isFalse();
    }
}
