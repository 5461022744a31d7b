package io.redpair.flows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * Builds realistic flows of any size, deterministically from a seed: tabs of inject → function → debug chains,
 * one MQTT broker config node used by an mqtt-in per tab, and a subflow with instances. Shaped like the
 * "large"/"xlarge" flows measured in NODE-RED-FACTS.
 */
final class FlowGenerator {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private FlowGenerator() {
    }

    /** About {@code nodes} nodes (rounded to whole chains) spread over {@code tabs} tabs. */
    static ArrayNode generate(int nodes, int tabs, long seed) {
        Random random = new Random(seed);
        ArrayNode flows = F.arrayNode();
        flows.add(F.objectNode().put("id", "broker").put("type", "mqtt-broker").put("name", "plant broker")
                .put("broker", "10.0.0.5").put("port", 1883).put("clientid", ""));
        flows.add(F.objectNode().put("id", "sf").put("type", "subflow").put("name", "Scale")
                .set("in", F.arrayNode()));
        flows.add(node("sf-fn", "function", "sf", "scale", 100, 100).put("func", "msg.payload *= 2;\nreturn msg;"));
        int chainsPerTab = Math.max(1, (nodes - 3) / (tabs * 3 + 1) - 1);
        for (int t = 0; t < tabs; t++) {
            String tab = "tab" + t;
            flows.add(F.objectNode().put("id", tab).put("type", "tab").put("label", "Line " + t).put("disabled", false));
            flows.add(node("mq" + t, "mqtt in", tab, "", 100, 20).put("topic", "plant/" + t + "/#")
                    .put("broker", "broker"));
            for (int c = 0; c < chainsPerTab; c++) {
                addChain(flows, tab, t + "-" + c, c, random);
            }
        }
        return flows;
    }

    private static void addChain(ArrayNode flows, String tab, String key, int row, Random random) {
        int y = 60 + row * 40;
        flows.add(wired(node("in" + key, "inject", tab, "", 120, y).put("repeat", String.valueOf(1 + random.nextInt(60)))
                .put("once", false), "fn" + key));
        flows.add(wired(node("fn" + key, "function", tab, "step " + key, 320, y)
                .put("func", "msg.payload = " + random.nextInt(1000) + ";\nreturn msg;"), "dbg" + key));
        flows.add(node("dbg" + key, "debug", tab, "", 520, y).put("active", random.nextBoolean())
                .set("wires", F.arrayNode()));
    }

    static ObjectNode node(String id, String type, String z, String name, int x, int y) {
        ObjectNode n = F.objectNode().put("id", id).put("type", type).put("z", z).put("name", name);
        n.put("x", x).put("y", y);
        n.set("wires", F.arrayNode().add(F.arrayNode()));
        return n;
    }

    private static ObjectNode wired(ObjectNode n, String to) {
        n.set("wires", F.arrayNode().add(F.arrayNode().add(to)));
        return n;
    }
}
