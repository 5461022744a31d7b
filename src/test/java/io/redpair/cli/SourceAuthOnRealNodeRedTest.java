package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSourceException;
import io.redpair.flows.FlowSources;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.nodered.NodeRedAuth;
import io.redpair.nodered.NodeRedClient;
import io.redpair.store.SecretResolver;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testsupport.TestSecrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * A flows source given as the URL of a Node-RED with adminAuth (a dev instance), read with the same login kinds as a
 * box: a user with a password, or a static token, both from secret references; anonymous is refused by the box.
 */
class SourceAuthOnRealNodeRedTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();
    private static final SecretResolver SECRETS = new SecretResolver(Map.of(
            "DEV_PW", TestSecrets.BOX_PASSWORD, "DEV_TOKEN", TestSecrets.TOKEN)::get);

    @Test
    void aPasswordOrAStaticTokenFromASecretReferenceReadsTheSourceAndAnonymousIsRefused() throws Exception {
        NodeRedProcess dev = BOXES.start(BoxOptions.defaults()
                .withUsers(new BoxOptions.AdminUser("dev", TestSecrets.BOX_PASSWORD, "*"))
                .withStaticToken(TestSecrets.TOKEN, "x-dev-token"));
        String url = dev.adminUrl().toString();
        String rev;
        try (NodeRedClient admin = NodeRedClient.create(dev.endpoint(new NodeRedAuth.StaticToken("x-dev-token",
                TestSecrets.TOKEN.toCharArray())))) {
            rev = admin.flows().value().rev();
        }

        FlowSet byPassword = FlowSources.load(url, options("--from-user", "dev", "--from-password-ref", "env:DEV_PW").auth(SECRETS));
        FlowSet byToken = FlowSources.load(url, options("--from-token-ref", "env:DEV_TOKEN", "--from-token-header",
                "x-dev-token").auth(SECRETS));

        assertThat(byPassword.revision()).isEqualTo(rev);
        assertThat(byToken.revision()).isEqualTo(rev);
        assertThatThrownBy(() -> FlowSources.load(url)).isInstanceOf(FlowSourceException.class)
                .hasMessageContaining("unauthorized");
        assertThatThrownBy(() -> FlowSources.load(url, options("--from-user", "dev", "--from-password-ref", "env:DEV_TOKEN")
                .auth(SECRETS))).isInstanceOf(FlowSourceException.class).hasMessageContaining("forbidden");
    }

    @Test
    void incompleteOrMixedLoginsAndUnsetSecretsAreBadInputThatNeverShowsASecret() {
        assertThatThrownBy(() -> options("--from-user", "dev").auth(SECRETS)).hasMessage("--from-user and --from-password-ref go together");
        assertThatThrownBy(() -> options("--from-user", "dev", "--from-password-ref", "env:DEV_PW", "--from-token-ref",
                "env:DEV_TOKEN").auth(SECRETS)).hasMessageContaining("not both");
        assertThatThrownBy(() -> options("--from-token-header", "x").auth(SECRETS)).hasMessageContaining("needs --from-token-ref");
        assertThat(options().auth(SECRETS)).isInstanceOf(NodeRedAuth.None.class);

        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new RedPairCommand());
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute("push", "--site", "unused.json", "--pair", "p", "--from", "http://127.0.0.1:9/",
                "--from-user", "dev", "--from-password-ref", TestSecrets.BOX_PASSWORD, "--dry-run");
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("not a secret reference").doesNotContain(TestSecrets.BOX_PASSWORD);

        err.getBuffer().setLength(0);
        assertThat(cl.execute("lint", "--flows", "http://127.0.0.1:9/", "--from-token-ref", "env:REDPAIR_TEST_UNSET_TOKEN"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("env:REDPAIR_TEST_UNSET_TOKEN: environment variable is not set");
    }

    private static SourceAuthOptions options(String... args) {
        SourceAuthOptions o = new SourceAuthOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }
}
