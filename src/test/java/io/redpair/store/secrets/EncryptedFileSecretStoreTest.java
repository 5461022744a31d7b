package io.redpair.store.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redpair.testsupport.TestSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSecretStoreTest {

    /** Low so the suite stays fast; the default count has its own test. */
    static final int FAST = 1_000;
    static final int NONCE_OFFSET = 4 + 1 + 1 + 4 + 1 + 16 + 32;

    @TempDir
    Path dir;

    private char[] master() {
        return TestSecrets.MASTER_PASSWORD.toCharArray();
    }

    @Test
    void storesReadsListsAndDeletesAcrossReopen() {
        Path file = dir.resolve("secrets.rpv");
        try (var store = EncryptedFileSecretStore.create(file, master(), FAST)) {
            store.put("LINE1_B_PW", TestSecrets.BOX_PASSWORD.toCharArray());
            store.put("token.a", "ümlaut-✓".toCharArray());
        }
        try (var store = EncryptedFileSecretStore.open(file, master(), FAST)) {
            assertThat(store.names()).containsExactly("LINE1_B_PW", "token.a");
            assertThat(new String(store.get("LINE1_B_PW").orElseThrow())).isEqualTo(TestSecrets.BOX_PASSWORD);
            assertThat(new String(store.get("token.a").orElseThrow())).isEqualTo("ümlaut-✓");
            assertThat(store.get("missing")).isEmpty();
            assertThat(store.delete("token.a")).isTrue();
            assertThat(store.delete("token.a")).isFalse();
        }
        try (var store = EncryptedFileSecretStore.open(file, master(), FAST)) {
            assertThat(store.names()).containsExactly("LINE1_B_PW");
        }
    }

    @Test
    void fileHoldsNeitherValuesNorNamesInClearAndIsOwnerOnly() throws Exception {
        Path file = dir.resolve("secrets.rpv");
        try (var store = EncryptedFileSecretStore.create(file, master(), FAST)) {
            store.put("LINE1_B_PW", TestSecrets.BOX_PASSWORD.toCharArray());
        }
        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(TestSecrets.BOX_PASSWORD).doesNotContain("LINE1_B_PW")
                .doesNotContain(TestSecrets.MASTER_PASSWORD).startsWith("RPVT");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(file, dir.resolve("secrets.rpv.lock")); // no temporary file left
        }
    }

    @Test
    void wrongPasswordIsReportedAndNothingIsWritten() throws Exception {
        Path file = dir.resolve("secrets.rpv");
        EncryptedFileSecretStore.create(file, master(), FAST).close();
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> EncryptedFileSecretStore.open(file, "not-it".toCharArray(), FAST))
                .isInstanceOf(SecretStoreException.WrongPassword.class)
                .hasMessageContaining("wrong master password").hasMessageContaining(file.toString());
        assertThatThrownBy(() -> EncryptedFileSecretStore.openOrCreate(file, "not-it".toCharArray(), FAST))
                .isInstanceOf(SecretStoreException.WrongPassword.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void alteredCiphertextNonceOrTruncationIsDetected() throws Exception {
        Path file = dir.resolve("secrets.rpv");
        try (var store = EncryptedFileSecretStore.create(file, master(), FAST)) {
            store.put("A", TestSecrets.BOX_PASSWORD.toCharArray());
        }
        byte[] good = Files.readAllBytes(file);
        for (int offset : new int[] {good.length - 1, good.length - 20, NONCE_OFFSET}) {
            byte[] bad = good.clone();
            bad[offset] ^= 0x01;
            Files.write(file, bad);
            assertThatThrownBy(() -> EncryptedFileSecretStore.open(file, master(), FAST))
                    .as("byte %d flipped", offset)
                    .isInstanceOf(SecretStoreException.Tampered.class).hasMessageContaining("altered");
        }
        Files.write(file, Arrays.copyOf(good, good.length - 5));
        assertThatThrownBy(() -> EncryptedFileSecretStore.open(file, master(), FAST))
                .isInstanceOf(SecretStoreException.Tampered.class);
        Files.write(file, Arrays.copyOf(good, 20));
        assertThatThrownBy(() -> EncryptedFileSecretStore.open(file, master(), FAST))
                .isInstanceOf(SecretStoreException.Tampered.class).hasMessageContaining("damaged header");
        Files.write(file, Arrays.copyOf(good, 8));
        assertThatThrownBy(() -> EncryptedFileSecretStore.open(file, master(), FAST))
                .isInstanceOf(SecretStoreException.Tampered.class).hasMessageContaining("too short");
    }

    @Test
    void loweredIterationCountInHeaderDoesNotOpen() throws Exception {
        Path file = dir.resolve("secrets.rpv");
        EncryptedFileSecretStore.create(file, master(), FAST).close();
        byte[] bad = Files.readAllBytes(file);
        ByteBuffer.wrap(bad).putInt(6, FAST / 2);
        Files.write(file, bad);
        assertThatThrownBy(() -> EncryptedFileSecretStore.open(file, master(), 1))
                .isInstanceOf(SecretStoreException.class);
    }

    @Test
    void everyWriteUsesAFreshNonce() throws Exception {
        Path file = dir.resolve("secrets.rpv");
        try (var store = EncryptedFileSecretStore.create(file, master(), FAST)) {
            store.put("A", "same".toCharArray());
            byte[] first = Files.readAllBytes(file);
            store.put("A", "same".toCharArray());
            byte[] second = Files.readAllBytes(file);
            assertThat(Arrays.copyOfRange(second, NONCE_OFFSET, NONCE_OFFSET + 12))
                    .isNotEqualTo(Arrays.copyOfRange(first, NONCE_OFFSET, NONCE_OFFSET + 12));
            assertThat(second).isNotEqualTo(first);
        }
    }

    @Test
    void iterationCountRisesOnOpenAndNeverFalls() throws Exception {
        Path file = dir.resolve("secrets.rpv");
        try (var store = EncryptedFileSecretStore.create(file, master(), FAST)) {
            store.put("A", TestSecrets.BOX_PASSWORD.toCharArray());
        }
        try (var store = EncryptedFileSecretStore.open(file, master(), FAST * 3)) {
            assertThat(store.iterations()).isEqualTo(FAST * 3);
        }
        assertThat(ByteBuffer.wrap(Files.readAllBytes(file)).getInt(6)).isEqualTo(FAST * 3);
        try (var store = EncryptedFileSecretStore.open(file, master(), FAST)) {
            assertThat(store.iterations()).isEqualTo(FAST * 3);
            assertThat(new String(store.get("A").orElseThrow())).isEqualTo(TestSecrets.BOX_PASSWORD);
        }
    }

    @Test
    void defaultIterationCountIsRecordedInTheHeader() throws Exception {
        Path file = dir.resolve("secrets.rpv");
        EncryptedFileSecretStore.create(file, master(), EncryptedFileSecretStore.DEFAULT_ITERATIONS).close();
        assertThat(ByteBuffer.wrap(Files.readAllBytes(file)).getInt(6)).isEqualTo(600_000);
    }

    @Test
    void refusesToReplaceAnExistingVaultOrAnEmptyPasswordOrABadName() throws Exception {
        Path file = dir.resolve("secrets.rpv");
        Files.writeString(file, "something else");
        assertThatThrownBy(() -> EncryptedFileSecretStore.create(file, master(), FAST))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> EncryptedFileSecretStore.open(file, master(), FAST))
                .hasMessageContaining("not a RedPair vault");
        Path other = dir.resolve("other.rpv");
        assertThatThrownBy(() -> EncryptedFileSecretStore.create(other, new char[0], FAST))
                .hasMessageContaining("empty master password");
        try (var store = EncryptedFileSecretStore.create(other, master(), FAST)) {
            assertThatThrownBy(() -> store.put("bad name", "x".toCharArray())).hasMessageContaining("invalid secret name");
        }
    }

    @Test
    void aWriteOverAnotherProcesssChangeIsRefusedSoNothingIsLost() throws Exception {
        Path file = dir.resolve("secrets.rpv");
        EncryptedFileSecretStore.create(file, master(), FAST).close();
        try (var first = EncryptedFileSecretStore.open(file, master(), FAST);
             var second = EncryptedFileSecretStore.open(file, master(), FAST)) {
            first.put("A", "one".toCharArray());
            byte[] afterFirst = Files.readAllBytes(file);
            assertThatThrownBy(() -> second.put("B", "two".toCharArray()))
                    .isInstanceOf(SecretStoreException.class).hasMessageContaining("changed by another process");
            assertThat(Files.readAllBytes(file)).isEqualTo(afterFirst);
            first.put("C", "three".toCharArray()); // the store that wrote last may go on writing
        }
        try (var again = EncryptedFileSecretStore.open(file, master(), FAST)) {
            assertThat(again.names()).containsExactly("A", "C");
        }
        Path racing = dir.resolve("new.rpv");
        var creator = EncryptedFileSecretStore.create(racing, master(), FAST);
        creator.close();
        assertThatThrownBy(() -> EncryptedFileSecretStore.create(racing, master(), FAST)).hasMessageContaining("already exists");
    }

    @Test
    void closedStoreRefusesAccess() {
        var store = EncryptedFileSecretStore.create(dir.resolve("s.rpv"), master(), FAST);
        store.close();
        assertThatThrownBy(() -> store.get("A")).isInstanceOf(IllegalStateException.class);
    }
}
