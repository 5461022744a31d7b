package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.store.secrets.EncryptedFileSecretStore;
import io.redpair.store.secrets.MasterPassword;
import io.redpair.testsupport.FakeTerminal;
import io.redpair.testsupport.TestSecrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SecretCommandTest {

    @TempDir
    Path home;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(FakeTerminal terminal, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = new CommandLine(new SecretCommand(terminal));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void setFromConsoleCreatesTheVaultAskingForTheMasterTwiceThenListAndDelete() throws Exception {
        FakeTerminal t = new FakeTerminal(home);
        t.answers.add(TestSecrets.BOX_PASSWORD);    // value
        t.answers.add(TestSecrets.MASTER_PASSWORD); // new master
        t.answers.add(TestSecrets.MASTER_PASSWORD); // repeated
        assertThat(run(t, "set", "LINE1_B_PW")).isEqualTo(ExitCodes.OK);
        Path vault = home.resolve(".config/redpair/secrets.rpv");
        assertThat(vault).exists();
        assertThat(out.toString()).contains("stored LINE1_B_PW").doesNotContain(TestSecrets.BOX_PASSWORD);

        t.env.put(MasterPassword.PASSWORD_ENV, TestSecrets.MASTER_PASSWORD);
        t.stdin = "second-value\n";
        assertThat(run(t, "set", "--stdin", "OTHER")).isEqualTo(ExitCodes.OK);
        assertThat(run(t, "list")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("LINE1_B_PW\nOTHER\n");
        try (var store = EncryptedFileSecretStore.open(vault, TestSecrets.MASTER_PASSWORD.toCharArray(), 1)) {
            assertThat(new String(store.get("OTHER").orElseThrow())).isEqualTo("second-value");
            assertThat(new String(store.get("LINE1_B_PW").orElseThrow())).isEqualTo(TestSecrets.BOX_PASSWORD);
            assertThat(store.iterations()).isEqualTo(EncryptedFileSecretStore.DEFAULT_ITERATIONS);
        }
        assertThat(run(t, "delete", "OTHER")).isEqualTo(ExitCodes.OK);
        assertThat(run(t, "delete", "OTHER")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("no secret named OTHER");
    }

    @Test
    void wrongMasterPasswordIsRefusedAndTheVaultIsUntouched() throws Exception {
        FakeTerminal t = new FakeTerminal(home);
        Path vault = home.resolve("v.rpv");
        EncryptedFileSecretStore.create(vault, TestSecrets.MASTER_PASSWORD.toCharArray(), 1_000).close();
        byte[] before = Files.readAllBytes(vault);
        t.env.put(MasterPassword.PASSWORD_ENV, "wrong-master");
        t.stdin = TestSecrets.BOX_PASSWORD;
        assertThat(run(t, "--vault", vault.toString(), "set", "--stdin", "X")).isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("wrong master password").doesNotContain("wrong-master");
        assertThat(Files.readAllBytes(vault)).isEqualTo(before);
    }

    @Test
    void withoutConsoleOrEnvironmentItFailsClearlyAndCreatesNothing() {
        FakeTerminal t = new FakeTerminal(home);
        t.hasConsole = false;
        t.stdin = TestSecrets.BOX_PASSWORD;
        assertThat(run(t, "set", "--stdin", "X")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("REDPAIR_VAULT_PASSWORD");
        assertThat(run(t, "set", "X")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--stdin");
        assertThat(run(t, "list")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no vault here");
        assertThat(home.resolve(".config")).doesNotExist();
    }

    @Test
    void mismatchedNewMasterPasswordsCreateNothing() {
        FakeTerminal t = new FakeTerminal(home);
        t.answers.add("value");
        t.answers.add("one");
        t.answers.add("two");
        assertThat(run(t, "set", "X")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("differ");
        assertThat(home.resolve(".config/redpair/secrets.rpv")).doesNotExist();
    }

    @Test
    void badNameIsRejectedBeforeAnyPrompt() {
        FakeTerminal t = new FakeTerminal(home);
        assertThat(run(t, "set", "bad name")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("invalid secret name");
    }
}
