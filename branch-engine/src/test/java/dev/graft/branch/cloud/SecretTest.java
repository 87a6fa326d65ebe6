package dev.graft.branch.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void masksItselfAndEveryEchoOfItself() {
        Secret secret = Secret.of(" key-123 ");
        assertThat(secret).hasToString("****");
        assertThat(secret.reveal()).isEqualTo("key-123");
        assertThat(secret.redact("bad key key-123, really key-123")).isEqualTo("bad key ****, really ****");
        assertThatThrownBy(() -> Secret.of(" ")).hasMessage("secret is blank");
    }
}
