package io.redpair.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redpair.testsupport.TestSecrets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretResolverTest {

    private final SecretResolver resolver = new SecretResolver(Map.of("LINE1_B_PW", TestSecrets.BOX_PASSWORD)::get);

    @Test
    void environmentReferenceResolvesToTheValue() throws Exception {
        assertThat(new String(resolver.resolve("env:LINE1_B_PW"))).isEqualTo(TestSecrets.BOX_PASSWORD);
    }

    @Test
    void missingVariableNamesTheReference() {
        assertThatThrownBy(() -> resolver.resolve("env:NOT_SET")).isInstanceOf(SecretResolver.SecretException.class)
                .hasMessageContaining("env:NOT_SET").hasMessageContaining("not set");
    }

    @Test
    void keychainReferenceWithoutAKeychainIsAClearErrorNamingTheAlternatives() {
        assertThatThrownBy(() -> resolver.resolve("keychain:LINE1")).isInstanceOf(SecretResolver.SecretException.class)
                .hasMessageContaining("keychain:LINE1").hasMessageContaining("no OS keychain")
                .hasMessageContaining("vault:NAME").hasMessageContaining("env:NAME");
    }

    @Test
    void aLiteralIsNotAReferenceAndIsNotEchoedBack() {
        assertThatThrownBy(() -> resolver.resolve(TestSecrets.BOX_PASSWORD))
                .isInstanceOf(SecretResolver.SecretException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestSecrets.BOX_PASSWORD));
    }
}
