package io.redpair.lab;

import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.Outcome;
import io.redpair.testkit.LargeFlowGenerator;
import io.redpair.testkit.NodeRedBoxes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cold start vs warm takeover on real Node-RED, small (canary) and large (~2,000 nodes) flows,
 * measured side by side in one run. Not a timed test: prints a table (min / median / max, ms).
 * Run: {@code ./mvnw -q -B -o test -Dtest=NodeRedStartBenchmark} and read
 * {@code target/surefire-reports/io.redpair.lab.NodeRedStartBenchmark-output.txt}.
 */
class NodeRedStartBenchmark {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();
    private static final int RUNS = Integer.getInteger("redpair.bench.runs", 5);

    @Test
    void coldStartVersusWarmTakeover(@TempDir Path dir) throws Exception {
        Path large = LargeFlowGenerator.writeLarge(dir.resolve("large.json"));
        System.out.printf("Node-RED %s, Node.js %s, n=%d%n", NodeRedBoxes.installation().version(),
                NodeRedBoxes.installation().nodeVersion(), RUNS);
        System.out.printf("%-8s %-34s %s%n", "flows", "metric", "min / median / max ms");
        measure("small", null);
        measure("large", large);
    }

    private void measure(String label, Path flows) throws Exception {
        BoxOptions options = BoxOptions.defaults().withFlows(flows);
        List<Double> cold = new ArrayList<>();
        List<Double> stop = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            NodeRedProcess box = BOXES.startUnready(options);
            box.awaitHeartbeat(Duration.ofSeconds(60));
            cold.add(ms(System.nanoTime() - t0));
            try (NodeRedClient client = NodeRedClient.create(box.endpoint())) {
                Outcome<FlowsState> stopped = client.setFlowsState(FlowsState.STOP);
                stop.add(ms(stopped.latencyNanos()));
                long w0 = System.nanoTime();
                client.setFlowsState(FlowsState.START);
                box.awaitHeartbeat(Duration.ofSeconds(60));
                warm.add(ms(System.nanoTime() - w0));
            }
            box.kill();
        }
        row(label, "cold: spawn -> heartbeat 200", cold);
        row(label, "warm POST stop: response", stop);
        row(label, "warm POST start -> heartbeat 200", warm);
        System.out.printf("%-8s %-34s %.1fx%n", label, "ratio cold/warm (medians)", median(cold) / median(warm));
    }

    private static void row(String label, String metric, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf("%-8s %-34s %.0f / %.0f / %.0f%n", label, metric, sorted.get(0), median(values),
                sorted.get(sorted.size() - 1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

}
