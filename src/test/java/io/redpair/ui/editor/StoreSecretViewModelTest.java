package io.redpair.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redpair.pair.SecretStoreKind;
import io.redpair.store.secrets.EncryptedFileSecretStore;
import io.redpair.store.secrets.KeychainException;
import io.redpair.store.secrets.KeychainSecretStore;
import io.redpair.store.secrets.SecretStoreException;
import io.redpair.store.secrets.SecretStores;
import io.redpair.testsupport.PrivateKeyring;
import io.redpair.testsupport.TestSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Store secret…" logic without the toolkit: validation, storing into a real vault and a real keyring. */
class StoreSecretViewModelTest {

    @TempDir
    Path dir;

    private StoreSecretViewModel vm(Map<String, String> env) {
        return new StoreSecretViewModel(SecretStoreKind.VAULT, new SecretStores(env, dir.resolve("home")));
    }

    private Map<String, String> vaultEnv() {
        return Map.of("REDPAIR_VAULT", dir.resolve("secrets.rpv").toString());
    }

    private static StoreSecretViewModel.Request request(String name, SecretStoreKind kind, String secret, String repeat,
                                                        String master, String masterRepeat) {
        return new StoreSecretViewModel.Request(name, kind, chars(secret), chars(repeat), chars(master), chars(masterRepeat));
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }

    @Test
    void suggestsANameFromThePairId() {
        assertThat(StoreSecretViewModel.suggestedName("line-1")).isEqualTo("line-1-pw");
        assertThat(StoreSecretViewModel.suggestedName(" Line-2 ")).isEqualTo("line-2-pw");
        assertThat(StoreSecretViewModel.suggestedName("")).isEmpty();
        assertThat(StoreSecretViewModel.suggestedName("bad id")).isEmpty();
    }

    @Test
    void saysWhatIsMissingBeforeAnythingIsStored() {
        StoreSecretViewModel vm = vm(vaultEnv());
        String pw = TestSecrets.BOX_PASSWORD;
        String master = TestSecrets.MASTER_PASSWORD;
        assertThat(vm.problem(request("bad name", SecretStoreKind.VAULT, pw, pw, master, master))).hasValueSatisfying(
                m -> assertThat(m).startsWith("Name:"));
        assertThat(vm.problem(request("n", SecretStoreKind.VAULT, "", "", master, master))).contains("Type the secret");
        assertThat(vm.problem(request("n", SecretStoreKind.VAULT, pw, pw + "x", master, master)))
                .contains("The two secrets differ");
        assertThat(vm.problem(request("n", SecretStoreKind.VAULT, pw, pw, "", ""))).contains("Type the vault's master password");
        assertThat(vm.createsVault(SecretStoreKind.VAULT)).isTrue();
        assertThat(vm.problem(request("n", SecretStoreKind.VAULT, pw, pw, master, master + "x")))
                .contains("The two master passwords differ");
        assertThat(vm.problem(request("n", SecretStoreKind.VAULT, pw, pw, master, master))).isEmpty();
        assertThat(vm.problem(request("n", SecretStoreKind.KEYCHAIN, pw, pw, null, null))).isEmpty();
        assertThat(vm.destination(SecretStoreKind.VAULT)).contains("A new encrypted vault").contains("secrets.rpv");
        assertThat(Files.exists(dir.resolve("secrets.rpv"))).isFalse();
    }

    @Test
    void storesIntoTheVaultReturnsTheReferenceAndWipesWhatWasTyped() {
        StoreSecretViewModel vm = vm(vaultEnv());
        var r = request(" line-1-pw ", SecretStoreKind.VAULT, TestSecrets.BOX_PASSWORD, TestSecrets.BOX_PASSWORD,
                TestSecrets.MASTER_PASSWORD, TestSecrets.MASTER_PASSWORD);
        assertThat(vm.store(r)).isEqualTo("vault:line-1-pw");
        assertThat(new String(r.secret())).isEqualTo("\0".repeat(TestSecrets.BOX_PASSWORD.length()));
        assertThat(new String(r.master())).isEqualTo("\0".repeat(TestSecrets.MASTER_PASSWORD.length()));
        try (var vault = EncryptedFileSecretStore.open(dir.resolve("secrets.rpv"), TestSecrets.MASTER_PASSWORD.toCharArray(), 1)) {
            assertThat(new String(vault.get("line-1-pw").orElseThrow())).isEqualTo(TestSecrets.BOX_PASSWORD);
        }
        assertThat(vm.createsVault(SecretStoreKind.VAULT)).isFalse();
        var wrong = request("other", SecretStoreKind.VAULT, TestSecrets.TOKEN, TestSecrets.TOKEN, "wrong-master", null);
        assertThatThrownBy(() -> vm.store(wrong)).isInstanceOf(SecretStoreException.WrongPassword.class);
        assertThat(new String(wrong.secret())).doesNotContain(TestSecrets.TOKEN);
    }

    @Test
    void storesIntoARealKeyringAndAMissingKeyringIsAnErrorNotAVault() throws Exception {
        try (PrivateKeyring keyring = PrivateKeyring.start(dir.resolve("keyring"))) {
            Map<String, String> env = Map.of("REDPAIR_VAULT", dir.resolve("secrets.rpv").toString(),
                    "DBUS_SESSION_BUS_ADDRESS", keyring.busAddress());
            var r = request("line-1-pw", SecretStoreKind.KEYCHAIN, TestSecrets.KEYCHAIN_VALUE, TestSecrets.KEYCHAIN_VALUE,
                    null, null);
            assertThat(vm(env).store(r)).isEqualTo("keychain:line-1-pw");
            assertThat(new String(KeychainSecretStore.forBus(keyring.busAddress(), Duration.ofSeconds(20))
                    .get("line-1-pw").orElseThrow())).isEqualTo(TestSecrets.KEYCHAIN_VALUE);
        }
        Map<String, String> noBus = Map.of("REDPAIR_VAULT", dir.resolve("secrets.rpv").toString(),
                "DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dir.resolve("no-bus"));
        var r = request("line-1-pw", SecretStoreKind.KEYCHAIN, TestSecrets.KEYCHAIN_VALUE, TestSecrets.KEYCHAIN_VALUE,
                TestSecrets.MASTER_PASSWORD, TestSecrets.MASTER_PASSWORD);
        assertThatThrownBy(() -> vm(noBus).store(r)).isInstanceOf(KeychainException.Unavailable.class)
                .hasMessageContaining("vault:NAME");
        assertThat(dir.resolve("secrets.rpv")).doesNotExist();
    }
}
