package io.redpair.flows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.cli.SiteSwitchoverPort;
import io.redpair.flows.push.PushBySwitchover;
import io.redpair.flows.push.PushExecutor;
import io.redpair.flows.push.PushProgress;
import io.redpair.flows.push.SwitchoverReport;
import io.redpair.nodered.FlowsState;
import io.redpair.testkit.LabSiteFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushResult;
import io.redpair.flows.push.StepResult;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.nodered.NodeRedClient;
import io.redpair.pair.BoxId;
import io.redpair.pair.Role;
import io.redpair.testkit.NodeRedBoxes;
import java.io.InputStream;
import java.util.Map;

/**
 * Pushes ~2,000 nodes to a real pair (A running, B a stopped spare) and prints, per step, how long planning and
 * each verified deploy took: first the whole flow set onto boxes that only have the canary, then a one-node change.
 * Not a test (surefire skips *Benchmark); run its main with the test classpath, as FlowDiffBenchmark says.
 */
public final class PushBenchmark {

    private PushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        NodeRedBoxes boxes = new NodeRedBoxes();
        NodeRedProcess active = boxes.start(BoxOptions.defaults());
        NodeRedProcess spare = boxes.start(BoxOptions.defaults().withBootStopped(true));
        try (NodeRedClient a = NodeRedClient.create(active.endpoint()); NodeRedClient b = NodeRedClient.create(spare.endpoint())) {
            Map<BoxId, NodeRedClient> clients = Map.of(BoxId.A, a, BoxId.B, b);
            ArrayNode flows = flows();
            System.out.printf("%-28s %8s %9s %9s %9s%n", "push", "nodes", "plan ms", "B ms", "A ms");
            run("whole set onto canary-only", FlowSetLoader.fromTree("2k", flows), active, spare, clients);
            ((ObjectNode) flows.get(flows.size() - 2)).put("func", "msg.payload = 42;\nreturn msg;");
            run("one function changed", FlowSetLoader.fromTree("2k-edit", flows), active, spare, clients);
            Path site = LabSiteFile.write(Files.createTempDirectory("push-benchmark"), active, spare, true, 6000);
            SiteSwitchoverPort port = new SiteSwitchoverPort(site, clients, BoxOptions.CANARY_PATH);
            for (int i = 1; i <= 3; i++) {
                ((ObjectNode) flows.get(flows.size() - 2)).put("func", "msg.payload = " + i + ";\nreturn msg;");
                bySwitchover("by switchover #" + i, FlowSetLoader.fromTree("2k-sw" + i, flows), active, spare, clients, port);
            }
        } finally {
            active.close();
            spare.close();
        }
    }

    private static void run(String label, FlowSet source, NodeRedProcess active, NodeRedProcess spare,
                            Map<BoxId, NodeRedClient> clients) throws Exception {
        long t0 = System.nanoTime();
        PushPlan plan = PushPlan.of(source, Map.of(BoxId.A, Role.ACTIVE, BoxId.B, Role.STANDBY),
                Map.of(BoxId.A, FlowSources.fromNodeRed(active.endpoint(), "A"), BoxId.B, FlowSources.fromNodeRed(spare.endpoint(), "B")));
        long planMs = (System.nanoTime() - t0) / 1_000_000;
        PushResult result = PushExecutor.execute(plan, clients);
        if (!result.completed()) {
            throw new IllegalStateException(result.summary());
        }
        System.out.printf("%-28s %8d %9d %9d %9d   (%s / %s)%n", label, source.nodes().size(), planMs,
                millis(result, BoxId.B), millis(result, BoxId.A), plan.steps().get(0).advice().type().header(),
                plan.steps().get(1).advice().type().header());
    }

    /** A change pushed by switchover (roles from the boxes, they swap each run): deploy times and measured downtime. */
    private static void bySwitchover(String label, FlowSet source, NodeRedProcess boxA, NodeRedProcess boxB,
                                     Map<BoxId, NodeRedClient> clients, SiteSwitchoverPort port) throws Exception {
        Map<BoxId, Role> roles = new EnumMap<>(BoxId.class);
        clients.forEach((box, c) -> roles.put(box, c.flowsState().value() == FlowsState.START ? Role.ACTIVE : Role.STANDBY));
        PushPlan plan = PushPlan.of(source, roles, Map.of(BoxId.A, FlowSources.fromNodeRed(boxA.endpoint(), "A"),
                BoxId.B, FlowSources.fromNodeRed(boxB.endpoint(), "B")));
        long t0 = System.nanoTime();
        PushResult result = PushBySwitchover.execute(plan, clients, port, "line1", BoxOptions.CANARY_PATH, PushProgress.NONE);
        long totalMs = (System.nanoTime() - t0) / 1_000_000;
        if (!result.completed() || !result.consistent()) {
            throw new IllegalStateException(result.summary());
        }
        SwitchoverReport sw = result.switchover();
        System.out.printf("%-28s %8d  %s -> %s  downtime %s ms, overlap %s, whole push %d ms, deploys %d / %d ms%n", label,
                source.nodes().size(), sw.from(), sw.to(), sw.shownDowntime().map(d -> String.valueOf(d.toMillis())).orElse("?"),
                sw.overlapSeen(), totalMs, millis(result, sw.to()), millis(result, sw.from()));
    }

    private static long millis(PushResult result, BoxId box) {
        return result.steps().stream().filter(s -> s.box() == box && s instanceof StepResult.Deployed)
                .mapToLong(s -> ((StepResult.Deployed) s).millis()).findFirst().orElse(-1);
    }

    private static ArrayNode flows() throws Exception {
        ArrayNode flows;
        try (InputStream in = BoxOptions.class.getResourceAsStream("redpair-canary.json")) {
            flows = (ArrayNode) new ObjectMapper().readTree(in);
        }
        ArrayNode generated = FlowGenerator.generate(2_000, 6, 3);
        ((ObjectNode) generated.get(0)).put("broker", "127.0.0.1").put("port", 1).put("autoConnect", false);
        flows.addAll(generated);
        return flows;
    }
}
