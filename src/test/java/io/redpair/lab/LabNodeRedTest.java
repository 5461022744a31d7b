package io.redpair.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.Outcome;
import io.redpair.testkit.LargeFlowGenerator;
import io.redpair.testkit.NodeRedBoxes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The lab's install, box and flow pieces themselves: what the other tests stand on. */
class LabNodeRedTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();

    @Test
    void theEdgeCanaryAndTheClasspathCopyAreIdentical() throws Exception {
        Path project = Path.of(System.getProperty("redpair.project.dir", "."));
        byte[] edge = Files.readAllBytes(project.resolve("app/edge/redpair-canary.json"));
        try (var in = NodeRedProcess.class.getResourceAsStream("redpair-canary.json")) {
            assertThat(in.readAllBytes()).isEqualTo(edge);
        }
    }

    @Test
    void installingAgainReusesTheCachedInstall() throws Exception {
        NodeRedInstallation first = NodeRedBoxes.installation();
        StringBuilder progress = new StringBuilder();

        NodeRedInstallation again = NodeRedInstaller.withDefaultCache(progress::append).install(first.version());

        assertThat(again.directory()).isEqualTo(first.directory());
        assertThat(progress).as("no npm run the second time").isEmpty();
        assertThat(Files.readString(again.directory().resolve(".redpair-installed")).strip()).hasSize(64);
    }

    @Test
    void anUnknownVersionOrAMissingNodeIsAClearError(@TempDir Path cache) {
        NodeRedInstaller installer = new NodeRedInstaller(cache, line -> { });

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> installer.install("9.9.9")))
                .hasMessageContaining("no pinned lock files for Node-RED 9.9.9");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> new NodeRedInstaller(cache, "/nonexistent/node", "npm", line -> { }).install("4.1.15")))
                .hasMessageContaining("Node.js not found").hasMessageContaining("REDPAIR_NODE");
    }

    @Test
    void nodeRed5IsRefusedOnANodeOlderThan22Point9() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> NodeTooling.requireCompatible("5.0.7", "v20.20.2")))
                .hasMessageContaining("needs Node.js 22.9");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> NodeTooling.requireCompatible("5.0.7", "v22.9.0")))
                .isNull();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> NodeTooling.requireCompatible("4.1.15", "v18.4.0")))
                .hasMessageContaining("needs Node.js 18.5");
    }

    @Test
    void aLargeGeneratedFlowRunsOnARealBoxAndServesItsLastEndpoint(@TempDir Path dir) throws Exception {
        var flows = LargeFlowGenerator.large();
        assertThat(flows.size()).isBetween(2_000, 2_200);
        NodeRedProcess box = BOXES.start(BoxOptions.defaults().withFlows(LargeFlowGenerator.writeLarge(dir.resolve("large.json"))));
        try (NodeRedClient client = NodeRedClient.create(box.endpoint())) {
            assertThat(client.flows().value().flows().size()).isEqualTo(flows.size());
            Outcome<?> last = client.heartbeat("/ep/30");
            assertThat(last.isOk()).as(last.describe()).isTrue();
        }
    }

    @Test
    void aBoxCanBeTerminatedGracefullyAndItsLogShowsTheStartedFlows() throws Exception {
        NodeRedProcess box = BOXES.start(BoxOptions.defaults());

        box.terminate();

        assertThat(box.isAlive()).isFalse();
        assertThat(box.logTail(50)).contains("Started flows").contains("127.0.0.1:" + box.port());
        assertThat(Files.readString(box.userDir().resolve("settings.js"))).contains("uiHost: \"127.0.0.1\"")
                .doesNotContain("runtimeFlowState");
    }
}
