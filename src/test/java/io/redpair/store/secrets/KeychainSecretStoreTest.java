package io.redpair.store.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redpair.store.SecretResolver;
import io.redpair.testsupport.PrivateKeyring;
import io.redpair.testsupport.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keychain backend against a real GNOME Keyring on a private D-Bus session bus (no mock): store,
 * read, list, delete, a locked keyring, and no keyring at all.
 */
class KeychainSecretStoreTest {

    @TempDir
    Path dir;
    PrivateKeyring keyring;
    KeychainSecretStore store;

    @BeforeEach
    void startKeyring() throws Exception {
        keyring = PrivateKeyring.start(dir);
        store = KeychainSecretStore.forBus(keyring.busAddress(), Duration.ofSeconds(20));
    }

    @AfterEach
    void stopKeyring() throws Exception {
        keyring.close();
    }

    @Test
    void storesReadsListsReplacesAndDeletesAndKeepsTheValueExact() {
        assertThat(store.get("LINE1_B_PW")).isEmpty();
        store.put("LINE1_B_PW", TestSecrets.KEYCHAIN_VALUE.toCharArray());
        store.put("line-2.token", TestSecrets.TOKEN.toCharArray());

        assertThat(new String(store.get("LINE1_B_PW").orElseThrow())).isEqualTo(TestSecrets.KEYCHAIN_VALUE);
        assertThat(store.names()).containsExactly("LINE1_B_PW", "line-2.token");

        store.put("LINE1_B_PW", TestSecrets.BOX_PASSWORD.toCharArray());
        assertThat(new String(store.get("LINE1_B_PW").orElseThrow())).isEqualTo(TestSecrets.BOX_PASSWORD);
        assertThat(store.names()).hasSize(2);

        assertThat(store.delete("LINE1_B_PW")).isTrue();
        assertThat(store.delete("LINE1_B_PW")).isFalse();
        assertThat(store.get("LINE1_B_PW")).isEmpty();
        assertThat(store.names()).containsExactly("line-2.token");
    }

    @Test
    void otherProgramsItemsAreNeitherListedNorDeleted() throws Exception {
        int stored = keyring.run(List.of("secret-tool", "store", "--label=other", "service", "other-app",
                "account", "shared"), TestSecrets.TOKEN);
        assertThat(stored).isZero();
        assertThat(store.names()).isEmpty();
        assertThat(store.delete("shared")).isFalse();
        assertThat(keyring.run(List.of("secret-tool", "lookup", "service", "other-app", "account", "shared"), ""))
                .isZero();
    }

    @Test
    void theKeyringOnDiskDoesNotHoldTheValueInClear() throws Exception {
        store.put("LINE1_B_PW", TestSecrets.KEYCHAIN_VALUE.toCharArray());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.resolve("home"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anySatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".keyring"));
        for (Path f : files) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                    .doesNotContain(new String(TestSecrets.KEYCHAIN_VALUE.getBytes(StandardCharsets.UTF_8),
                            StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void aLockedKeyringIsAClearErrorForEveryOperationAndNothingIsWritten() throws Exception {
        store.put("LINE1_B_PW", TestSecrets.KEYCHAIN_VALUE.toCharArray());
        keyring.lock();

        assertThatThrownBy(() -> store.get("LINE1_B_PW")).isInstanceOf(KeychainException.Locked.class)
                .hasMessageContaining("locked").hasMessageContaining("vault:NAME");
        assertThatThrownBy(() -> store.put("OTHER", TestSecrets.TOKEN.toCharArray()))
                .isInstanceOf(KeychainException.Locked.class);
        assertThatThrownBy(() -> store.names()).isInstanceOf(KeychainException.Locked.class);
        assertThatThrownBy(() -> store.delete("LINE1_B_PW")).isInstanceOf(KeychainException.Locked.class);

        SecretResolver resolver = new SecretResolver(n -> null, null, () -> store);
        assertThatThrownBy(() -> resolver.resolve("keychain:LINE1_B_PW"))
                .isInstanceOf(SecretResolver.SecretException.class)
                .hasMessageStartingWith("secret reference keychain:LINE1_B_PW: ").hasMessageContaining("locked");
    }

    @Test
    void theResolverReadsKeychainReferencesAndNamesAMissingOne() throws Exception {
        store.put("LINE1_B_PW", TestSecrets.KEYCHAIN_VALUE.toCharArray());
        SecretResolver resolver = new SecretResolver(n -> null, null, () -> store);
        assertThat(new String(resolver.resolve("keychain:LINE1_B_PW"))).isEqualTo(TestSecrets.KEYCHAIN_VALUE);
        assertThatThrownBy(() -> resolver.resolve("keychain:NOPE")).isInstanceOf(SecretResolver.SecretException.class)
                .hasMessageContaining("keychain:NOPE").hasMessageContaining("redpair secret set NOPE --store keychain");
    }

    @Test
    void noSecretServiceOnTheBusOrNoBusIsUnavailableNamingTheAlternatives() throws Exception {
        keyring.close();
        KeychainSecretStore gone = KeychainSecretStore.forBus(keyring.busAddress(), Duration.ofSeconds(20));
        assertThatThrownBy(() -> gone.get("LINE1_B_PW")).isInstanceOf(KeychainException.Unavailable.class)
                .hasMessageContaining("OS keychain").hasMessageContaining("vault:NAME").hasMessageContaining("env:NAME");
        KeychainSecretStore noBus = KeychainSecretStore.forBus("unix:path=" + dir.resolve("no-bus"), Duration.ofSeconds(20));
        assertThatThrownBy(() -> noBus.put("LINE1_B_PW", TestSecrets.KEYCHAIN_VALUE.toCharArray()))
                .isInstanceOf(KeychainException.Unavailable.class).hasMessageContaining("--store vault");

        SecretResolver resolver = new SecretResolver(n -> null, null, () -> gone);
        assertThatThrownBy(() -> resolver.resolve("keychain:LINE1_B_PW"))
                .isInstanceOf(SecretResolver.SecretException.class).hasMessageContaining("keychain:LINE1_B_PW")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestSecrets.KEYCHAIN_VALUE));
    }
}
