package io.redpair.nodered;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.testkit.CapturedLogs;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testsupport.TestSecrets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Box configurations that change how the client must talk to it: roots, static tokens, runtimeState, boot state. */
class NodeRedClientBoxSettingsTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();

    @Test
    void adminAndNodeRootsMoveEveryPathAndABearerStaticTokenWorks() {
        NodeRedProcess box = BOXES.start(BoxOptions.defaults().withRoots("/admin", "/api")
                .withStaticToken(TestSecrets.TOKEN, null));
        try (NodeRedClient client = NodeRedClient.create(box.endpoint().withHttpNodeRoot(null))) {
            assertThat(box.adminUrl().getPath()).isEqualTo("/admin");

            Outcome<NodeRedSettings> settings = client.settings();

            assertThat(settings.value().httpNodeRoot()).isEqualTo("/api/");
            assertThat(client.setFlowsState(FlowsState.START).value()).isEqualTo(FlowsState.START);
            assertThat(client.heartbeat(BoxOptions.CANARY_PATH).isOk()).isTrue();
            assertThat(client.flows().value().flows()).isNotEmpty();
        }
        try (NodeRedClient wrongToken = NodeRedClient.create(
                box.endpoint(new NodeRedAuth.StaticToken(null, "wrong-token".toCharArray())))) {
            assertThat(wrongToken.flowsState()).isInstanceOf(Outcome.Unauthorized.class);
        }
    }

    @Test
    void staticTokenInItsOwnHeaderRightAndWrong() throws Exception {
        NodeRedProcess box = BOXES.start(BoxOptions.defaults().withStaticToken(TestSecrets.TOKEN, "x-redpair-token"));
        try (CapturedLogs logs = new CapturedLogs()) {
            try (NodeRedClient right = NodeRedClient.create(box.endpoint())) {
                assertThat(right.setFlowsState(FlowsState.STOP).value()).isEqualTo(FlowsState.STOP);
                assertThat(right.setFlowsState(FlowsState.START).value()).isEqualTo(FlowsState.START);
            }
            try (NodeRedClient wrong = NodeRedClient.create(
                    box.endpoint(new NodeRedAuth.StaticToken("x-redpair-token", "wrong-token".toCharArray())))) {
                assertThat(wrong.setFlowsState(FlowsState.STOP)).isInstanceOf(Outcome.Unauthorized.class);
                assertThat(wrong.flowsState()).isInstanceOf(Outcome.Unauthorized.class);
            }
            assertThat(logs.all()).doesNotContain(TestSecrets.TOKEN);
        }
        assertThat(Files.readString(box.userDir().resolve("settings.js"))).doesNotContain(TestSecrets.TOKEN);
    }

    @Test
    void withRuntimeStateDisabledPostIsFeatureDisabledWhileGetStillSaysStart() {
        NodeRedProcess box = BOXES.start(BoxOptions.defaults().withRuntimeState(false));
        try (NodeRedClient client = NodeRedClient.create(box.endpoint())) {
            assertThat(client.settings().value().runtimeStateEnabled()).isFalse();
            assertThat(client.flowsState().value()).isEqualTo(FlowsState.START);

            Outcome<FlowsState> stop = client.setFlowsState(FlowsState.STOP);

            assertThat(stop).isInstanceOf(Outcome.FeatureDisabled.class);
            assertThat(client.heartbeat(BoxOptions.CANARY_PATH).isOk()).as("flows still run").isTrue();
        }
    }

    @Test
    void aBoxBootedStoppedServesTheAdminApiButNoFlowsUntilStarted() throws Exception {
        NodeRedProcess box = BOXES.start(BoxOptions.defaults().withBootStopped(true));
        try (NodeRedClient client = NodeRedClient.create(box.endpoint())) {
            assertThat(client.flowsState().value()).isEqualTo(FlowsState.STOP);
            assertThat(client.heartbeat(BoxOptions.CANARY_PATH)).isInstanceOf(Outcome.NotFound.class);

            assertThat(client.setFlowsState(FlowsState.START).value()).isEqualTo(FlowsState.START);

            assertThat(box.awaitHeartbeat(Duration.ofSeconds(5))).isLessThan(Duration.ofSeconds(5));
        }
    }
}
