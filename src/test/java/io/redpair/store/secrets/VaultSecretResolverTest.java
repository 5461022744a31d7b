package io.redpair.store.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redpair.testsupport.TestSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultSecretResolverTest {

    @TempDir
    Path dir;

    @Test
    void resolvesVaultReferencesOpeningTheVaultOnceAndNeverRewritingIt() throws Exception {
        Path vault = dir.resolve("s.rpv");
        try (var store = EncryptedFileSecretStore.create(vault, TestSecrets.MASTER_PASSWORD.toCharArray(), 1_000)) {
            store.put("LINE1_B_PW", TestSecrets.BOX_PASSWORD.toCharArray());
        }
        byte[] before = Files.readAllBytes(vault);
        AtomicInteger asked = new AtomicInteger();
        try (var resolver = new VaultSecretResolver(vault, () -> {
            asked.incrementAndGet();
            return TestSecrets.MASTER_PASSWORD.toCharArray();
        })) {
            assertThat(VaultSecretResolver.handles("vault:LINE1_B_PW")).isTrue();
            assertThat(VaultSecretResolver.handles("env:X")).isFalse();
            assertThat(new String(resolver.resolve("vault:LINE1_B_PW"))).isEqualTo(TestSecrets.BOX_PASSWORD);
            assertThat(new String(resolver.resolve("vault:LINE1_B_PW"))).isEqualTo(TestSecrets.BOX_PASSWORD);
            assertThatThrownBy(() -> resolver.resolve("vault:NOPE"))
                    .hasMessageContaining("'NOPE' is not in the vault").hasMessageContaining("redpair secret set NOPE");
        }
        assertThat(asked).hasValue(1);
        assertThat(Files.readAllBytes(vault)).isEqualTo(before);
    }

    @Test
    void masterPasswordComesFromTheEnvironmentOrAPromptAndNeverSilentlyFromNowhere() {
        assertThat(MasterPassword.obtain(Map.of("REDPAIR_VAULT_PASSWORD", "p"), prompt -> null, true)).containsExactly('p');
        assertThat(MasterPassword.obtain(Map.of(), prompt -> "q".toCharArray(), false)).containsExactly('q');
        assertThatThrownBy(() -> MasterPassword.obtain(Map.of(), prompt -> null, false))
                .hasMessageContaining("REDPAIR_VAULT_PASSWORD");
    }

    @Test
    void vaultLocationPrefersExplicitThenEnvironmentThenXdgThenHome() {
        Path home = Path.of("/home/op");
        assertThat(VaultLocation.resolve(Path.of("/x.rpv"), Map.of("REDPAIR_VAULT", "/y"), home)).isEqualTo(Path.of("/x.rpv"));
        assertThat(VaultLocation.resolve(null, Map.of("REDPAIR_VAULT", "/y"), home)).isEqualTo(Path.of("/y"));
        assertThat(VaultLocation.resolve(null, Map.of("XDG_CONFIG_HOME", "/c"), home)).isEqualTo(Path.of("/c/redpair/secrets.rpv"));
        assertThat(VaultLocation.resolve(null, Map.of(), home)).isEqualTo(Path.of("/home/op/.config/redpair/secrets.rpv"));
    }
}
