package io.redpair.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redpair.store.secrets.EncryptedFileSecretStore;
import io.redpair.store.secrets.VaultSecretResolver;
import io.redpair.testsupport.TestSecrets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site file's secret references: env: and vault: side by side, and clear errors without a vault. */
class SecretResolverVaultTest {

    @TempDir
    Path home;

    @Test
    void resolvesEnvAndVaultReferencesThroughOneResolver() throws Exception {
        Path vault = home.resolve(".config/redpair/secrets.rpv");
        try (var store = EncryptedFileSecretStore.create(vault, TestSecrets.MASTER_PASSWORD.toCharArray(), 1_000)) {
            store.put("LINE1_B_PW", TestSecrets.BOX_PASSWORD.toCharArray());
        }
        Map<String, String> env = Map.of("REDPAIR_VAULT_PASSWORD", TestSecrets.MASTER_PASSWORD, "TOKEN", "t");
        try (var vaultResolver = VaultSecretResolver.standard(env, home, prompt -> null)) {
            SecretResolver resolver = new SecretResolver(env::get, vaultResolver);
            assertThat(new String(resolver.resolve("vault:LINE1_B_PW"))).isEqualTo(TestSecrets.BOX_PASSWORD);
            assertThat(new String(resolver.resolve("env:TOKEN"))).isEqualTo("t");
            assertThatThrownBy(() -> resolver.resolve("vault:MISSING"))
                    .isInstanceOf(SecretResolver.SecretException.class).hasMessageContaining("vault:MISSING");
        }
    }

    @Test
    void wrongMasterPasswordBecomesAResolutionErrorWithoutTheSecret() throws Exception {
        Path vault = home.resolve(".config/redpair/secrets.rpv");
        EncryptedFileSecretStore.create(vault, TestSecrets.MASTER_PASSWORD.toCharArray(), 1_000).close();
        Map<String, String> env = Map.of("REDPAIR_VAULT_PASSWORD", "wrong-one");
        try (var vaultResolver = VaultSecretResolver.standard(env, home, prompt -> null)) {
            SecretResolver resolver = new SecretResolver(env::get, vaultResolver);
            assertThatThrownBy(() -> resolver.resolve("vault:X"))
                    .isInstanceOf(SecretResolver.SecretException.class)
                    .hasMessageContaining("wrong master password").hasMessageNotContaining("wrong-one");
        }
    }

    @Test
    void aMissingVaultIsNamedBeforeAnyPasswordIsAskedFor() {
        Map<String, String> env = Map.of("REDPAIR_VAULT", home.resolve("none.rpv").toString());
        try (var vaultResolver = VaultSecretResolver.standard(env, home, prompt -> {
            throw new AssertionError("asked for a password although there is no vault");
        })) {
            SecretResolver resolver = new SecretResolver(env::get, vaultResolver);
            assertThatThrownBy(() -> resolver.resolve("vault:X")).hasMessageContaining("no vault at " + home.resolve("none.rpv"));
        }
    }

    @Test
    void theDefaultResolverKnowsVaultReferences() {
        assertThatThrownBy(() -> new SecretResolver().resolve("vault:SURELY_NOT_STORED_ANYWHERE"))
                .isInstanceOf(SecretResolver.SecretException.class)
                .hasMessageContaining("vault:SURELY_NOT_STORED_ANYWHERE").hasMessageNotContaining("no vault is configured");
    }

    @Test
    void vaultReferenceWithoutAVaultIsAClearError() {
        SecretResolver resolver = new SecretResolver(name -> null);
        assertThatThrownBy(() -> resolver.resolve("vault:X")).hasMessageContaining("no vault is configured");
    }
}
