package io.redpair.nodered;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.lab.BoxOptions;
import io.redpair.lab.BoxOptions.AdminUser;
import io.redpair.lab.NodeRedProcess;
import io.redpair.testkit.CapturedLogs;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testsupport.TestSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** adminAuth with a password grant against real Node-RED: users "admin" (*) and "reader" (read). */
class NodeRedClientAuthTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();
    private static final String READER_PASSWORD = "reader-" + TestSecrets.BOX_PASSWORD;

    private static NodeRedProcess box;
    private static CapturedLogs logs;

    @BeforeAll
    static void startBox() {
        logs = new CapturedLogs();
        box = BOXES.start(BoxOptions.defaults().withUsers(
                new AdminUser("admin", TestSecrets.BOX_PASSWORD, "*"),
                new AdminUser("reader", READER_PASSWORD, "read")));
    }

    @AfterAll
    static void noSecretWasLogged() throws Exception {
        logs.close();
        assertThat(logs.all()).contains("password grant for 'admin'")
                .doesNotContain(TestSecrets.BOX_PASSWORD).doesNotContain(READER_PASSWORD).doesNotContain("Bearer ");
        String sessions = Files.readString(box.userDir().resolve(".sessions.json"));
        for (String token : accessTokens(sessions)) {
            assertThat(logs.all()).doesNotContain(token);
        }
        assertThat(Files.readString(box.logFile())).doesNotContain(TestSecrets.BOX_PASSWORD);
    }

    @Test
    void passwordGrantGivesAdminAccessAndSettingsNameTheUser() {
        try (NodeRedClient admin = client("admin", TestSecrets.BOX_PASSWORD, "*")) {
            Outcome<NodeRedSettings> settings = admin.settings();

            assertThat(settings.isOk()).as(settings.describe()).isTrue();
            assertThat(settings.value().user()).isEqualTo(new NodeRedSettings.User("admin", "*"));
            assertThat(admin.setFlowsState(FlowsState.START).value()).isEqualTo(FlowsState.START);
        }
    }

    @Test
    void withoutCredentialsTheBoxAnswersUnauthorized() {
        try (NodeRedClient anonymous = NodeRedClient.create(box.endpoint(new NodeRedAuth.None()))) {
            Outcome<FlowsState> state = anonymous.flowsState();

            assertThat(state).isInstanceOf(Outcome.Unauthorized.class);
            assertThat(state.describe()).contains("Bearer");
        }
    }

    @Test
    void wrongPasswordIsForbiddenWithoutRetrying() {
        try (NodeRedClient wrong = client("admin", "not-the-password", "*")) {
            Outcome<FlowsState> state = wrong.flowsState();

            assertThat(state).isInstanceOf(Outcome.Forbidden.class);
            assertThat(state.describe()).contains("invalid_grant");
        }
    }

    @Test
    void readUserAskingForFullScopeIsForbidden() {
        try (NodeRedClient greedy = client("reader", READER_PASSWORD, "*")) {
            assertThat(greedy.flowsState()).isInstanceOf(Outcome.Forbidden.class);
        }
    }

    @Test
    void readTokenCanReadButAWriteIsForbidden() {
        try (NodeRedClient reader = client("reader", READER_PASSWORD, "read")) {
            assertThat(reader.flowsState().value()).isEqualTo(FlowsState.START);

            Outcome<FlowsState> write = reader.setFlowsState(FlowsState.STOP);

            assertThat(write).isInstanceOf(Outcome.Forbidden.class);
            assertThat(write.describe()).contains("lacks the permission");
            assertThat(reader.deploy(reader.flows().value().flows(), null, DeployType.FULL, null))
                    .isInstanceOf(Outcome.Forbidden.class);
        }
    }

    @Test
    void closeRevokesTheToken() throws Exception {
        NodeRedClient admin = client("admin", TestSecrets.BOX_PASSWORD, "*");
        admin.flowsState();
        int before = accessTokens(Files.readString(box.userDir().resolve(".sessions.json"))).size();

        admin.close();

        assertThat(before).isPositive();
        long deadline = System.nanoTime() + 2_000_000_000L; // Node-RED writes .sessions.json after answering
        while (accessTokens(Files.readString(sessions(box))).size() != before - 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(accessTokens(Files.readString(sessions(box)))).hasSize(before - 1);
    }

    @Test
    void expiredTokenIsReplacedByOneNewLogin() throws Exception {
        NodeRedProcess shortLived = BOXES.start(BoxOptions.defaults().withSessionExpirySeconds(2)
                .withUsers(new AdminUser("admin", TestSecrets.BOX_PASSWORD, "*")));
        try (CapturedLogs local = new CapturedLogs(); NodeRedClient admin = NodeRedClient.create(shortLived.endpoint())) {
            assertThat(admin.flowsState().isOk()).isTrue();
            Thread.sleep(2_600);

            Outcome<FlowsState> afterExpiry = admin.flowsState();

            assertThat(afterExpiry.value()).isEqualTo(FlowsState.START);
            assertThat(local.lines()).filteredOn(l -> l.contains("password grant")).hasSize(2);
            assertThat(local.lines()).anyMatch(l -> l.contains("access token rejected, logging in again"));
        }
    }

    @Test
    void aTokenRejectedAgainAfterReLoginIsUnauthorized() {
        NodeRedProcess alwaysExpired = BOXES.start(BoxOptions.defaults().withSessionExpirySeconds(-1)
                .withUsers(new AdminUser("admin", TestSecrets.BOX_PASSWORD, "*")));
        try (CapturedLogs local = new CapturedLogs(); NodeRedClient admin = NodeRedClient.create(alwaysExpired.endpoint())) {
            Outcome<FlowsState> state = admin.flowsState();

            assertThat(state).isInstanceOf(Outcome.Unauthorized.class);
            assertThat(state.describe()).contains("invalid_token");
            assertThat(local.lines()).filteredOn(l -> l.contains("password grant")).hasSize(2);
        }
    }

    private static NodeRedClient client(String user, String password, String scope) {
        return NodeRedClient.create(box.endpoint(new NodeRedAuth.Password(user, password.toCharArray(), scope)));
    }

    private static java.util.List<String> accessTokens(String sessionsJson) throws Exception {
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sessionsJson);
        return root.findValuesAsText("accessToken");
    }

    static Path sessions(NodeRedProcess p) {
        return p.userDir().resolve(".sessions.json");
    }
}
