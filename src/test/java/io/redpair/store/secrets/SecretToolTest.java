package io.redpair.store.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redpair.testsupport.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the keychain backend drives its child process, with stand-in executables (real processes): the
 * secret goes on stdin and never into the arguments, a tool that hangs is cut off, a missing tool is named.
 */
class SecretToolTest {

    @TempDir
    Path dir;

    private Path script(String body) throws Exception {
        Path script = dir.resolve("secret-tool");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void theSecretTravelsOnStdinNeverInTheArgumentsAndTheBusIsPassedOn() throws Exception {
        Path tool = script("echo \"$@\" > '" + dir.resolve("args") + "'; echo \"$DBUS_SESSION_BUS_ADDRESS\" > '"
                + dir.resolve("bus") + "'; cat > '" + dir.resolve("stdin") + "'");
        KeychainSecretStore store = new KeychainSecretStore(new SecretTool(tool.toString(), "unix:path=/x", Duration.ofSeconds(20)));
        store.put("LINE1_B_PW", TestSecrets.KEYCHAIN_VALUE.toCharArray());
        assertThat(Files.readString(dir.resolve("args")).strip())
                .isEqualTo("store --label=RedPair secret LINE1_B_PW service redpair account LINE1_B_PW");
        assertThat(Files.readString(dir.resolve("bus")).strip()).isEqualTo("unix:path=/x");
        assertThat(Files.readAllBytes(dir.resolve("stdin"))).isEqualTo(TestSecrets.KEYCHAIN_VALUE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aToolThatDoesNotAnswerIsCutOffAsUnavailable() throws Exception {
        Path tool = script("exec sleep 60");
        KeychainSecretStore store = new KeychainSecretStore(new SecretTool(tool.toString(), null, Duration.ofMillis(500)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> store.get("LINE1_B_PW")).isInstanceOf(KeychainException.Unavailable.class)
                .hasMessageContaining("did not answer");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aMissingToolNamesTheDebianPackage() {
        KeychainSecretStore store = new KeychainSecretStore(new SecretTool(dir.resolve("absent").toString(), null,
                Duration.ofSeconds(5)));
        assertThatThrownBy(() -> store.names()).isInstanceOf(KeychainException.Unavailable.class)
                .hasMessageContaining("libsecret-tools");
    }

    @Test
    void anEmptySecretOrABadNameIsRefusedBeforeAnyProcessRuns() {
        KeychainSecretStore store = new KeychainSecretStore(new SecretTool(dir.resolve("absent").toString(), null,
                Duration.ofSeconds(5)));
        assertThatThrownBy(() -> store.put("X", new char[0])).isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> store.get("bad name")).isInstanceOf(IllegalArgumentException.class);
    }
}
