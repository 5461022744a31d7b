package io.redpair.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowSetLoaderTest {

    @TempDir
    Path dir;

    @Test
    void readsAnExportArrayWithLinesNamesAndContainers() throws Exception {
        Path file = write("export.json", "[\n"
                + "  {\"id\":\"t1\",\"type\":\"tab\",\"label\":\"Boiler\"},\n"
                + "  {\"id\":\"n1\",\"type\":\"inject\",\"z\":\"t1\",\"name\":\"tick\",\"x\":1,\"y\":1,\"wires\":[]},\n"
                + "  {\"id\":\"c1\",\"type\":\"mqtt-broker\",\"broker\":\"b\"}\n"
                + "]");
        FlowSet set = FlowSetLoader.load(file);
        assertThat(set.nodes()).extracting(FlowNode::id).containsExactly("t1", "n1", "c1");
        assertThat(set.nodes()).extracting(FlowNode::line).containsExactly(2, 3, 4);
        assertThat(NodeRef.of(set, set.byId().get("n1")).describe()).isEqualTo("tab Boiler / tick (inject n1)");
        assertThat(set.containerName(set.byId().get("c1"))).isEqualTo("global");
        assertThat(set.byId().get("c1").isConfig()).isTrue();
        assertThat(set.byId().get("n1").isConfig()).isFalse();
        assertThat(set.declaredRev()).isEmpty();
    }

    @Test
    void readsTheV2DocumentWithRevAndBothKindsOfCredentials() throws Exception {
        FlowSet set = FlowSetLoader.parse("v2", "{\"flows\":["
                + "{\"id\":\"b1\",\"type\":\"mqtt-broker\",\"credentials\":{\"user\":\"inline\"}},"
                + "{\"id\":\"b2\",\"type\":\"mqtt-broker\"}],"
                + "\"rev\":\"abc\",\"credentials\":{\"b2\":{\"user\":\"mapped\",\"password\":\"p\"}}}");
        assertThat(set.declaredRev()).contains("abc");
        assertThat(set.credentials()).containsOnlyKeys("b1", "b2");
        assertThat(set.credentials().get("b1").get("user").asText()).isEqualTo("inline");
        assertThat(set.credentials().get("b2").get("user").asText()).isEqualTo("mapped");
        assertThat(set.flowsArray().toString()).doesNotContain("credentials");
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws Exception {
        Path file = write("broken.json", "[\n  {\"id\":\"a\",\"type\":\"debug\"},\n  {\"id\":\"b\" \"type\":\"debug\"}\n]");
        assertThatThrownBy(() -> FlowSetLoader.load(file))
                .isInstanceOfSatisfying(FlowsFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(13);
                    assertThat(e.getMessage()).startsWith(file + ":3:13: malformed JSON");
                });
    }

    @Test
    void truncatedFileIsMalformed() {
        assertThatThrownBy(() -> FlowSetLoader.parse("cut.json", "[{\"id\":\"a\",\"type\":\"debug\""))
                .hasMessageContaining("cut.json:1:").hasMessageContaining("malformed JSON");
    }

    @Test
    void nodeWithoutIdOrTypeIsNamedByPositionNameAndLine() {
        assertThatThrownBy(() -> FlowSetLoader.parse("f.json", "[{\"id\":\"a\",\"type\":\"debug\"},\n{\"id\":\"b\",\"name\":\"pump\"}]"))
                .hasMessage("f.json:2:1: node 1 (id \"b\") \"pump\" has no \"type\"; every node needs a text id and type");
        assertThatThrownBy(() -> FlowSetLoader.parse("f.json", "[{\"type\":\"debug\",\"id\":\"\"}]"))
                .hasMessageContaining("node 0 has an empty or non-text \"id\"");
    }

    @Test
    void duplicateIdsNameBothNodes() {
        assertThatThrownBy(() -> FlowSetLoader.parse("dup.json",
                "[{\"id\":\"x\",\"type\":\"inject\",\"name\":\"start\"},\n{\"id\":\"x\",\"type\":\"debug\",\"name\":\"out\"}]"))
                .hasMessage("dup.json:2:1: duplicate node id \"x\": debug \"out\" repeats the id of inject \"start\" at line 1");
    }

    @Test
    void wrongShapesAreExplained() {
        assertThatThrownBy(() -> FlowSetLoader.parse("o.json", "{\"rev\":\"1\"}")).hasMessageContaining("must have a \"flows\" array");
        assertThatThrownBy(() -> FlowSetLoader.parse("o.json", "{\"flows\":{}}")).hasMessageContaining("\"flows\" must be an array, found an object");
        assertThatThrownBy(() -> FlowSetLoader.parse("o.json", "[1]")).hasMessageContaining("element 0 of the flows array is a number");
        assertThatThrownBy(() -> FlowSetLoader.parse("o.json", "\"x\"")).hasMessageContaining("found a string");
        assertThatThrownBy(() -> FlowSetLoader.parse("o.json", "  ")).hasMessageContaining("o.json: empty");
        assertThatThrownBy(() -> FlowSetLoader.parse("o.json", "[] []")).hasMessageContaining("unexpected content after");
        assertThatThrownBy(() -> FlowSetLoader.load(dir.resolve("missing.json"))).hasMessageEndingWith("missing.json: no such file");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
