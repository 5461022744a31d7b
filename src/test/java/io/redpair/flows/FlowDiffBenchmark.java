package io.redpair.flows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Prints how long loading, revision and diff take on generated flows of 2,000 and 10,000 nodes (the sizes
 * measured in NODE-RED-FACTS). Not a test (surefire skips *Benchmark): after {@code ./mvnw -q -B -o test-compile}
 * run {@code java -cp target/classes:target/test-classes:<test classpath> io.redpair.flows.FlowDiffBenchmark}
 * (the classpath from {@code ./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout}), or its main from the IDE. Each figure is the median of 9 runs after 5 warm-up runs.
 */
public final class FlowDiffBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = 9;

    private FlowDiffBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("%-8s %10s %10s %10s %10s%n", "nodes", "parse ms", "rev ms", "diff ms", "changes");
        for (int size : new int[] {2_000, 10_000}) {
            measure(size);
        }
    }

    private static void measure(int size) throws Exception {
        ArrayNode left = FlowGenerator.generate(size, size / 350, 11);
        ArrayNode right = left.deepCopy();
        for (int i = 5; i < right.size(); i += 97) {
            ((ObjectNode) right.get(i)).put("name", "changed " + i);
        }
        String text = right.toString();
        double[] parse = new double[RUNS];
        double[] rev = new double[RUNS];
        double[] diff = new double[RUNS];
        int changes = 0;
        for (int run = -WARMUP; run < RUNS; run++) {
            long t0 = System.nanoTime();
            FlowSet b = FlowSetLoader.parse("right", text);
            long t1 = System.nanoTime();
            b.revision();
            long t2 = System.nanoTime();
            FlowSet a = FlowSetLoader.fromTree("left", left);
            a.revision();
            long t3 = System.nanoTime();
            FlowDiff d = FlowDiffer.diff(a, b);
            long t4 = System.nanoTime();
            changes = d.changes().size();
            if (run >= 0) {
                parse[run] = (t1 - t0) / 1e6;
                rev[run] = (t2 - t1) / 1e6;
                diff[run] = (t4 - t3) / 1e6;
            }
        }
        System.out.printf("%-8d %10.1f %10.1f %10.1f %10d%n", left.size(), median(parse), median(rev), median(diff), changes);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
