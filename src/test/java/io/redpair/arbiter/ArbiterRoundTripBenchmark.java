package io.redpair.arbiter;

import io.redpair.pair.BoxId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Command round trip through the whole host stack (ArbiterLink -> jSerialComm -> socat pty -> simulator
 * and back), side by side with the in-memory cable. Not a test (excluded from surefire by its name); run:
 * <pre>./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.redpair.arbiter.ArbiterRoundTripBenchmark</pre>
 */
public final class ArbiterRoundTripBenchmark {

    private static final int WARMUP = 200;
    private static final int SAMPLES = 2000;
    private static final int PREP_EXEC_SAMPLES = 300;

    private ArbiterRoundTripBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("arbiter-bench");
        System.out.printf("%-40s %8s %8s %8s %8s%n", "command round trip", "n", "p50 ms", "p99 ms", "max ms");
        try (SocatPty cable = SocatPty.start(dir.resolve("host/tty"), dir.resolve("dev/tty"))) {
            ArbiterSimulator sim = ArbiterSimulator.start(DeviceIdentity.simulator("BENCH"), null,
                    SerialTransport.open(cable.deviceEnd.toString()), null);
            ArbiterLink link = ArbiterLink.open(new ArbiterLinkOptions(cable.hostEnd.toString(), null, "BENCH", 5000, 0, 100),
                    new SerialPortScanner(List.of(), false));
            measureAll("pty (socat, jSerialComm)", link);
            link.close();
            sim.close();
        }
        InMemoryTransport.Cable mem = InMemoryTransport.pair("bench");
        InMemoryPorts ports = new InMemoryPorts();
        ports.plug("mem", () -> mem.host().reopen());
        ArbiterSimulator sim = ArbiterSimulator.start(DeviceIdentity.simulator("BENCH"), null, mem.device(), null);
        ArbiterLink link = ArbiterLink.open(new ArbiterLinkOptions("mem", null, "BENCH", 5000, 0, 100), ports);
        measureAll("in-memory", link);
        link.close();
        sim.close();
    }

    private static void measureAll(String cable, ArbiterLink link) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (link.state() != LinkState.UP && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (link.state() != LinkState.UP) {
            throw new IllegalStateException("link did not come up on " + cable);
        }
        report(cable + " STATUS", measure(WARMUP, SAMPLES, () -> join(link.status())));
        long[] epoch = {1};
        report(cable + " PREP+EXEC SELECT", measure(20, PREP_EXEC_SAMPLES, () -> {
            epoch[0]++;
            CommandResult r = join(link.select(epoch[0] % 2 == 0 ? BoxId.A : BoxId.B, epoch[0]));
            if (!r.isDone()) {
                throw new IllegalStateException("select refused: " + r);
            }
            return r;
        }));
    }

    private static long[] measure(int warmup, int samples, Supplier<Object> call) {
        for (int i = 0; i < warmup; i++) {
            call.get();
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String name, long[] sorted) {
        System.out.printf("%-40s %8d %8.3f %8.3f %8.3f%n", name, sorted.length, ms(sorted[sorted.length / 2]),
                ms(sorted[(int) Math.ceil(sorted.length * 0.99) - 1]), ms(sorted[sorted.length - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
