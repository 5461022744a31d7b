package io.redpair.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.Outcome;
import io.redpair.testkit.NodeRedBoxes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Installing the canary on a real active box and a real spare: added, spare stays stopped, idempotent. */
class CanaryInstallerTest {

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    private Path appFlows() throws Exception {
        Path file = dir.resolve("app-flows.json");
        Files.writeString(file, """
                [{"id":"app-tab","type":"tab","label":"App"},
                 {"id":"app-in","type":"http in","z":"app-tab","url":"/test/alive","method":"get","wires":[["app-out"]]},
                 {"id":"app-out","type":"http response","z":"app-tab","wires":[]}]
                """);
        return file;
    }

    @Test
    void addsTheCanaryToBothBoxesKeepsTheSpareStoppedAndIsIdempotent() throws Exception {
        BoxOptions options = BoxOptions.defaults().withFlows(appFlows()).withHeartbeatPath("/test/alive");
        NodeRedProcess active = boxes.start(options);
        NodeRedProcess spare = boxes.start(options.withBootStopped(true));
        CanaryInstaller installer = new CanaryInstaller(BoxOptions.CANARY_PATH);
        try (NodeRedClient a = NodeRedClient.create(active.endpoint());
             NodeRedClient b = NodeRedClient.create(spare.endpoint())) {
            assertThat(a.heartbeat(BoxOptions.CANARY_PATH)).isInstanceOf(Outcome.NotFound.class);

            CanaryInstaller.Result ra = installer.install(a);
            CanaryInstaller.Result rb = installer.install(b);
            assertThat(ra.status()).as(ra.detail()).isEqualTo(CanaryInstaller.Status.INSTALLED);
            assertThat(ra.detail()).contains("canary answers");
            assertThat(rb.status()).as(rb.detail()).isEqualTo(CanaryInstaller.Status.INSTALLED);
            assertThat(rb.detail()).contains("spare");

            assertThat(a.heartbeat(BoxOptions.CANARY_PATH).isOk()).isTrue();
            assertThat(a.heartbeat("/test/alive").isOk()).as("the app's own flow is kept").isTrue();
            assertThat(b.flowsState().value()).isEqualTo(FlowsState.STOP);
            assertThat(b.heartbeat(BoxOptions.CANARY_PATH)).isInstanceOf(Outcome.NotFound.class);
            assertThat(b.flows().value().rev()).isEqualTo(a.flows().value().rev());

            assertThat(installer.install(a).status()).isEqualTo(CanaryInstaller.Status.ALREADY_PRESENT);
            assertThat(installer.install(b).status()).isEqualTo(CanaryInstaller.Status.ALREADY_PRESENT);
        }
    }
}
