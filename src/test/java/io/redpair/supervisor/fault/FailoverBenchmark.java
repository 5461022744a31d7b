package io.redpair.supervisor.fault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.failover.Mode;
import io.redpair.failover.PairState;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.pair.Policy;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.ObserverReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * MTTR after SIGKILL of the active (split into detect / decide / start / first answer), planned switchover gap
 * and a cold restart of the same Node-RED with the same flows, side by side, for a ~10-node and a ~2,000-node
 * flow. A benchmark, not a test (surefire skips *Benchmark). Run:
 * <pre>./mvnw -B -o test -Dtest=FailoverBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * and read the table in target/surefire-reports/io.redpair.supervisor.fault.FailoverBenchmark-output.txt.
 * Policy: the shipped defaults (250 ms × 4 = 1 s deadline) except hold-down 0, so that consecutive automatic
 * failovers are allowed (hold-down does not change any timing measured here).
 */
class FailoverBenchmark {

    private static final int RUNS = Integer.getInteger("redpair.bench.runs", 10);
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    record Timed(long nanos, SupervisorEvent event) {
    }

    private final List<String> table = new ArrayList<>();

    @Test
    void failoverVersusColdRestart() throws Exception {
        table.add(String.format(Locale.ROOT, "%-6s %6s %5s | %-13s %-13s %-13s %-13s | %-13s | %-13s",
                "flow", "nodes", "runs", "detect", "decide", "start", "MTTR", "switch gap", "cold restart"));
        measure("small", smallFlows());
        measure("large", largeFlows());
        System.out.println("\n==== FailoverBenchmark (p50 / p95 ms) ====");
        table.forEach(System.out::println);
    }

    private void measure(String name, Path flows) throws Exception {
        Policy policy = new Policy(250, 4, true, 0, 3000, Policy.Fencing.API_ONLY);
        int nodes = new ObjectMapper().readTree(flows.toFile()).size();
        long[][] phases = new long[4][RUNS];
        long[] gaps = new long[RUNS];
        long[] cold = new long[RUNS];
        Path labDir = Files.createDirectories(dir.resolve(name));
        try (FaultLab lab = FaultLab.start(boxes, labDir, BoxOptions.defaults().withFlows(flows), policy).observe()
                .supervise()) {
            List<Timed> timed = new CopyOnWriteArrayList<>();
            lab.supervisor.subscribe(Runnable::run, e -> timed.add(new Timed(System.nanoTime(), e)));
            lab.await("protected", s -> s.mode() == Mode.PROTECTED, SETTLE);
            for (int run = 0; run < RUNS; run++) {
                failover(lab, timed, phases, run);
            }
            for (int run = 0; run < RUNS; run++) {
                gaps[run] = switchover(lab);
            }
            NodeRedProcess spare = lab.process(lab.state().active().other());
            lab.supervisor.close(); // else the restarted box would be a split brain that RedPair resolves
            lab.supervisor = null;
            for (int run = 0; run < RUNS; run++) {
                cold[run] = coldRestart(spare);
            }
        }
        table.add(String.format(Locale.ROOT, "%-6s %6d %5d | %-13s %-13s %-13s %-13s | %-13s | %-13s", name, nodes,
                RUNS, p(phases[0]), p(phases[1]), p(phases[2]), p(phases[3]), p(gaps), p(cold)));
    }

    private void failover(FaultLab lab, List<Timed> timed, long[][] phases, int run) throws Exception {
        PairState before = lab.await("protected", s -> s.mode() == Mode.PROTECTED, SETTLE);
        BoxId victim = before.active();
        BoxId heir = victim.other();
        timed.clear();
        long t0 = lab.observer.mark("SIGKILL " + victim);
        lab.process(victim).kill();
        lab.await("running on " + heir, s -> s.active() == heir && s.step() == io.redpair.failover.FailoverStep.NONE
                && (s.mode() == Mode.PROTECTED || s.mode() == Mode.UNPROTECTED), SETTLE);
        lab.observer.awaitServing(heir.name(), t0, 10_000);
        long down = first(timed, e -> e instanceof SupervisorEvent.BoxConditionChanged c && c.box() == victim
                && c.to() == BoxCondition.DOWN);
        long decided = first(timed, e -> e instanceof SupervisorEvent.StateChanged s && s.to() == Mode.FAILING_OVER);
        long started = first(timed, e -> e instanceof SupervisorEvent.CommandFinished c && c.ok()
                && c.command().equals("start-flows") && c.box() == heir);
        ObserverReport r = lab.observer.report();
        phases[0][run] = ms(down - t0);
        phases[1][run] = ms(decided - down);
        phases[2][run] = ms(started - decided);
        phases[3][run] = r.mttrMillis(t0, heir.name()).orElse(-1);
        FaultLab.bootGuard(lab.process(victim)); // the edge kit: a rebooted box comes back stopped
        lab.process(victim).restart();
        lab.await("protected by " + heir, s -> s.mode() == Mode.PROTECTED && s.active() == heir, SETTLE);
    }

    private long switchover(FaultLab lab) throws Exception {
        PairState before = lab.await("protected", s -> s.mode() == Mode.PROTECTED, SETTLE);
        BoxId to = before.active().other();
        long t0 = lab.observer.mark("switchover to " + to);
        lab.supervisor.handle(new ControlRequest(null, ControlRequest.SWITCHOVER, FaultLab.PAIR, to.name(), null, null,
                null, null, "bench", "lab"));
        lab.await("protected by " + to, s -> s.mode() == Mode.PROTECTED && s.active() == to, SETTLE);
        lab.observer.awaitServing(to.name(), t0, 10_000);
        return lab.observer.report().gapMillis(before.active().name(), to.name(), t0).orElse(-1);
    }

    /** SIGKILL then start the same Node-RED with the same flows, running: spawn to first heartbeat. */
    static long coldRestart(NodeRedProcess box) throws Exception {
        box.kill();
        Files.writeString(box.userDir().resolve(".config.runtime.json"), "{\"runtimeFlowState\":\"start\"}\n");
        long t0 = System.nanoTime();
        box.restart();
        box.awaitHeartbeat(Duration.ofSeconds(60));
        long ms = ms(System.nanoTime() - t0);
        box.kill();
        return ms;
    }

    static long first(List<Timed> timed, java.util.function.Predicate<SupervisorEvent> match) {
        return timed.stream().filter(t -> match.test(t.event())).mapToLong(Timed::nanos).findFirst().orElse(-1);
    }

    static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    static String p(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[(v.length - 1) / 2] + " / " + v[(int) Math.ceil(0.95 * v.length) - 1];
    }

    private Path smallFlows() throws Exception {
        ArrayNode flows = canary();
        flows.add(node("s-in", "inject", "redpair-canary-tab").put("repeat", "1").put("once", true)
                .set("wires", wires("s-fn")));
        flows.add(node("s-fn", "function", "redpair-canary-tab").put("func", "return msg;").set("wires", wires("s-dbg")));
        flows.add(node("s-dbg", "debug", "redpair-canary-tab").put("active", false));
        return write("small-flows.json", flows);
    }

    /** ~2,000 nodes on 6 tabs: inject → function → debug chains and 30 http endpoints, like NODE-RED-FACTS' "large". */
    private Path largeFlows() throws Exception {
        ArrayNode flows = canary();
        Random random = new Random(42);
        for (int t = 0; t < 6; t++) {
            String tab = "tab" + t;
            flows.add(new ObjectMapper().createObjectNode().put("id", tab).put("type", "tab").put("label", "Line " + t));
            for (int e = 0; e < 5; e++) {
                String id = "h" + t + "-" + e;
                flows.add(node(id, "http in", tab).put("url", "/line" + t + "/ep" + e).put("method", "get")
                        .set("wires", wires(id + "-out")));
                flows.add(node(id + "-out", "http response", tab));
            }
            for (int c = 0; c < 107; c++) {
                String id = t + "-" + c;
                flows.add(node("i" + id, "inject", tab).put("repeat", String.valueOf(1 + random.nextInt(60)))
                        .put("once", false).set("wires", wires("f" + id)));
                flows.add(node("f" + id, "function", tab).put("func", "msg.payload = " + random.nextInt(1000)
                        + ";\nreturn msg;").set("wires", wires("d" + id)));
                flows.add(node("d" + id, "debug", tab).put("active", false));
            }
        }
        return write("large-flows.json", flows);
    }

    private static ArrayNode canary() throws Exception {
        Path file = Path.of(System.getProperty("redpair.project.dir", "."), "app", "edge", "redpair-canary.json");
        return (ArrayNode) new ObjectMapper().readTree(file.toFile());
    }

    private static ObjectNode node(String id, String type, String z) {
        ObjectNode n = new ObjectMapper().createObjectNode().put("id", id).put("type", type).put("z", z);
        n.set("wires", new ObjectMapper().createArrayNode());
        return n;
    }

    private static ArrayNode wires(String to) {
        ObjectMapper m = new ObjectMapper();
        return m.createArrayNode().add(m.createArrayNode().add(to));
    }

    private Path write(String name, ArrayNode flows) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, flows.toString());
        return file;
    }
}
