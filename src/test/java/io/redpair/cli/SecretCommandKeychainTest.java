package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.store.secrets.KeychainSecretStore;
import io.redpair.testsupport.FakeTerminal;
import io.redpair.testsupport.PrivateKeyring;
import io.redpair.testsupport.TestSecrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code redpair secret … --store keychain} and the site's default store, against a real private keyring. */
class SecretCommandKeychainTest {

    static final String PAIRS = """
            "pairs": [{"id": "p", "boxes": {"A": {"url": "http://a:1880", "auth": {"type": "none"}},
                                            "B": {"url": "http://b:1880", "auth": {"type": "none"}}}}]""";

    @TempDir
    Path dir;
    PrivateKeyring keyring;
    FakeTerminal terminal;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        keyring = PrivateKeyring.start(dir.resolve("keyring"));
        terminal = new FakeTerminal(Files.createDirectories(dir.resolve("home")));
        terminal.env.put("DBUS_SESSION_BUS_ADDRESS", keyring.busAddress());
    }

    @AfterEach
    void stop() throws Exception {
        keyring.close();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = new CommandLine(new SecretCommand(terminal));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private String readBack(String name) {
        return new String(KeychainSecretStore.forBus(keyring.busAddress(), Duration.ofSeconds(20)).get(name).orElseThrow());
    }

    @Test
    void setListDeleteInTheKeychainWithoutAnyVault() {
        terminal.stdin = TestSecrets.KEYCHAIN_VALUE + "\n";
        assertThat(run("set", "--store", "keychain", "--stdin", "LINE1_B_PW")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("stored LINE1_B_PW in the OS keychain (reference: keychain:LINE1_B_PW)")
                .doesNotContain(TestSecrets.KEYCHAIN_VALUE);
        assertThat(readBack("LINE1_B_PW")).isEqualTo(TestSecrets.KEYCHAIN_VALUE);

        assertThat(run("--store", "keychain", "list")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("LINE1_B_PW\n");
        assertThat(run("--store", "keychain", "delete", "LINE1_B_PW")).isEqualTo(ExitCodes.OK);
        assertThat(run("--store", "keychain", "delete", "LINE1_B_PW")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("no secret named LINE1_B_PW in the OS keychain");
        assertThat(dir.resolve("home/.config/redpair/secrets.rpv")).doesNotExist();
    }

    @Test
    void theSitesSecretStoreIsTheDefaultAndStoreOverridesIt() throws Exception {
        Path site = dir.resolve("site.json");
        Files.writeString(site, "{\"version\": 1, \"site\": \"S\", \"secretStore\": \"keychain\",\n"
                + PAIRS + "}");
        terminal.stdin = TestSecrets.KEYCHAIN_VALUE;
        assertThat(run("--site", site.toString(), "set", "--stdin", "FROM_SITE")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("keychain:FROM_SITE");
        assertThat(readBack("FROM_SITE")).isEqualTo(TestSecrets.KEYCHAIN_VALUE);

        terminal.env.put("REDPAIR_VAULT_PASSWORD", TestSecrets.MASTER_PASSWORD);
        terminal.stdin = TestSecrets.BOX_PASSWORD;
        assertThat(run("--site", site.toString(), "--store", "vault", "set", "--stdin", "IN_VAULT"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("(reference: vault:IN_VAULT)");
        assertThat(dir.resolve("home/.config/redpair/secrets.rpv")).exists();
        assertThat(run("--site", site.toString(), "list")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("FROM_SITE\n");
    }

    @Test
    void lockedOrMissingKeychainFailsNamingTheAlternativesAndNothingLandsElsewhere() throws Exception {
        keyring.lock();
        terminal.stdin = TestSecrets.KEYCHAIN_VALUE;
        assertThat(run("set", "--store", "keychain", "--stdin", "X")).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(err.toString()).contains("locked").contains("--store vault");

        terminal.env.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dir.resolve("no-such-bus"));
        assertThat(run("set", "--store", "keychain", "--stdin", "X")).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(err.toString()).contains("OS keychain").contains("vault:NAME")
                .doesNotContain(TestSecrets.KEYCHAIN_VALUE);
        assertThat(dir.resolve("home/.config/redpair/secrets.rpv")).doesNotExist();
        assertThat(run("set", "--store", "plaintext", "--stdin", "X")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("expected vault or keychain");
    }
}
