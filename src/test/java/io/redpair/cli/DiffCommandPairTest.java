package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.nodered.DeployType;
import io.redpair.nodered.NodeRedClient;
import io.redpair.testkit.NodeRedBoxes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code redpair diff --site F --pair ID [--from SRC]} against a real pair (A running, B a stopped spare). */
class DiffCommandPairTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private NodeRedProcess a;
    private NodeRedProcess b;
    private Path site;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startPair() throws Exception {
        a = BOXES.start(BoxOptions.defaults());
        b = BOXES.start(BoxOptions.defaults().withBootStopped(true));
        site = Files.writeString(dir.resolve("site.json"), "{\"version\":1,\"site\":\"Test\",\"pairs\":[{\"id\":\"line1\","
                + "\"name\":\"Line 1\",\"boxes\":{\"A\":{\"url\":\"" + a.adminUrl() + "\",\"auth\":{\"type\":\"none\"}},"
                + "\"B\":{\"url\":\"" + b.adminUrl() + "\",\"auth\":{\"type\":\"none\"}}},\"preferred\":\"A\","
                + "\"heartbeatPath\":\"/redpair/heartbeat\",\"policy\":{\"intervalMs\":250,\"missedBeats\":4,"
                + "\"autoFailover\":true,\"holdDownS\":600,\"startupGraceMs\":3000}}]}");
    }

    private int run(String... args) {
        CommandLine cl = RedPairCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void boxesWithTheSameFlowsShowNoDrift() {
        assertThat(run("diff", "--site", site.toString(), "--pair", "line1")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("== pair line1: box A against box B (drift)")
                .contains("0 added, 0 removed, 0 changed, 0 moved (same revision)");
    }

    @Test
    void driftAndTheSourceAreShownPerBox() throws Exception {
        ArrayNode flows;
        try (NodeRedClient client = NodeRedClient.create(b.endpoint())) {
            flows = client.flows().value().flows();
            flows.addObject().put("id", "extra").put("type", "comment").put("z", flows.get(0).path("id").asText())
                    .put("name", "only on B").put("x", 10).put("y", 10).putArray("wires");
            client.deploy(flows, null, DeployType.FULL, null).value();
        }
        Path source = Files.writeString(dir.resolve("source.json"), flows.toString());

        assertThat(run("diff", "--site", site.toString(), "--pair", "line1", "--from", source.toString(), "--json"))
                .isEqualTo(ExitCodes.FAILED);
        JsonNode json = JSON.readTree(out.toString());
        assertThat(json.path("sameRevision").asBoolean()).isFalse();
        JsonNode comparisons = json.path("comparisons");
        assertThat(comparisons).hasSize(3);
        assertThat(comparisons.get(0).path("changes").get(0).path("name").asText()).isEqualTo("only on B");
        assertThat(comparisons.get(0).path("changes").get(0).path("kind").asText()).isEqualTo("added");
        assertThat(comparisons.get(1).path("title").asText()).startsWith("pair line1: box A against " + source);
        assertThat(comparisons.get(1).path("deployment").path("type").asText()).isEqualTo("nodes");
        assertThat(comparisons.get(2).path("sameRevision").asBoolean()).isTrue();
    }

    @Test
    void anUnknownPairIsBadInput() {
        assertThat(run("diff", "--site", site.toString(), "--pair", "nope")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no pair \"nope\" (pairs: line1)");
    }

    @Test
    void filesAndSiteCannotBeMixed() {
        assertThat(run("diff", "--site", site.toString(), "--pair", "line1", "--left", "x")).isEqualTo(ExitCodes.USAGE);
    }
}
