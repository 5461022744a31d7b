package io.redpair.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FlowDiffTest {

    @Test
    void findsExactlyTheMutationsAppliedToTenThousandNodes() throws Exception {
        ArrayNode original = FlowGenerator.generate(10_000, 30, 42);
        assertThat(original.size()).isBetween(9_500, 10_500);
        ArrayNode mutated = original.deepCopy();
        Random random = new Random(7);
        Set<String> removed = new HashSet<>();
        Set<String> changed = new HashSet<>();
        Set<String> moved = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int index = 10 + random.nextInt(mutated.size() - 10);
            ObjectNode n = (ObjectNode) mutated.get(index);
            String id = n.get("id").asText();
            if (removed.contains(id) || changed.contains(id) || moved.contains(id) || !n.has("x")) {
                continue;
            }
            switch (i % 3) {
                case 0 -> { mutated.remove(index); removed.add(id); }
                case 1 -> { n.put("name", "renamed " + i); changed.add(id); }
                default -> { n.put("x", n.get("x").asInt() + 40); moved.add(id); }
            }
        }
        for (int i = 0; i < 25; i++) {
            mutated.add(FlowGenerator.node("new" + i, "debug", "tab3", "", 10, 10));
        }

        FlowDiff diff = FlowDiffer.diff(set("left", original), set("right", mutated));

        assertThat(ids(diff, ChangeKind.REMOVED)).isEqualTo(removed);
        assertThat(ids(diff, ChangeKind.CHANGED)).isEqualTo(changed);
        assertThat(ids(diff, ChangeKind.MOVED)).isEqualTo(moved);
        assertThat(ids(diff, ChangeKind.ADDED)).hasSize(25).allMatch(id -> id.startsWith("new"));
        assertThat(diff.of(ChangeKind.CHANGED)).allSatisfy(c -> assertThat(c.propertyNames()).containsExactly("name"));
        assertThat(diff.of(ChangeKind.MOVED)).allSatisfy(c -> assertThat(c.propertyNames()).containsExactly("x"));
    }

    @Test
    void identicalFlowsHaveNoChangesAndTheSameRevision() throws Exception {
        ArrayNode flows = FlowGenerator.generate(500, 3, 1);
        FlowDiff diff = FlowDiffer.diff(set("a", flows), set("b", flows.deepCopy()));
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.sameRevision()).isTrue();
    }

    @Test
    void namesNodesAsTheEditorDoesWithOldAndNewValues() throws Exception {
        String left = "[{\"id\":\"t1\",\"type\":\"tab\",\"label\":\"Packaging\"},"
                + "{\"id\":\"s1\",\"type\":\"subflow\",\"name\":\"Debounce\"},"
                + "{\"id\":\"f1\",\"type\":\"function\",\"z\":\"t1\",\"name\":\"\",\"func\":\"return msg;\",\"x\":1,\"y\":2,\"wires\":[[]]},"
                + "{\"id\":\"d1\",\"type\":\"delay\",\"z\":\"s1\",\"name\":\"hold\",\"timeout\":\"5\",\"x\":1,\"y\":2,\"wires\":[[]]}]";
        String right = left.replace("\"return msg;\"", "\"msg.n = 1;\\nreturn msg;\"").replace("\"timeout\":\"5\"", "\"timeout\":\"7\"")
                .replace("\"label\":\"Packaging\"", "\"label\":\"Packing\"");
        FlowDiff diff = FlowDiffer.diff(FlowSetLoader.parse("l", left), FlowSetLoader.parse("r", right));

        assertThat(diff.of(ChangeKind.CHANGED)).extracting(c -> c.node().describe()).containsExactly(
                "Packing (tab t1)", "tab Packing / function f1", "subflow Debounce / hold (delay d1)");
        PropertyChange func = diff.of(ChangeKind.CHANGED).get(1).properties().get(0);
        assertThat(func).isEqualTo(new PropertyChange("func", "\"return msg;\"", "\"msg.n = 1;\" (2 lines)"));
        assertThat(diff.of(ChangeKind.CHANGED).get(2).properties())
                .containsExactly(new PropertyChange("timeout", "\"5\"", "\"7\""));
    }

    @Test
    void aMoveTogetherWithARealChangeCountsAsChangedWithoutThePosition() throws Exception {
        String left = "[{\"id\":\"n\",\"type\":\"debug\",\"z\":\"\",\"x\":1,\"y\":2,\"active\":true,\"wires\":[]}]";
        String right = "[{\"id\":\"n\",\"type\":\"debug\",\"z\":\"\",\"x\":5,\"y\":2,\"active\":false,\"wires\":[]}]";
        List<NodeChange> changes = FlowDiffer.diff(FlowSetLoader.parse("l", left), FlowSetLoader.parse("r", right)).changes();
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.CHANGED);
            assertThat(c.propertyNames()).containsExactly("active");
        });
    }

    static FlowSet set(String name, ArrayNode flows) throws FlowsFormatException {
        return FlowSetLoader.fromTree(name, flows);
    }

    private static Set<String> ids(FlowDiff diff, ChangeKind kind) {
        return diff.of(kind).stream().map(c -> c.node().id()).collect(Collectors.toSet());
    }
}
