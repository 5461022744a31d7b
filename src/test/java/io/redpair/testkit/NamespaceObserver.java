package io.redpair.testkit;

import io.redpair.testkit.NetworkNamespaces.BoxLink;
import io.redpair.testkit.Observer.Mark;
import io.redpair.testkit.Observer.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The independent observer for partition tests: one small Node.js poller per box ({@code ns-observer.js}),
 * started with {@code ip netns exec} INSIDE that box's namespace, so cutting the console's link never cuts
 * the observer off. It polls the box's canary every {@link #PERIOD_MS} ms on the box's own address and appends
 * "sent received status" lines to a file; {@link #report()} reads the files into the same
 * {@link ObserverReport} the in-JVM {@link Observer} produces.
 *
 * <p>The times are comparable with this JVM's {@link System#nanoTime()}: both are CLOCK_MONOTONIC, which is
 * one clock for the whole machine (network namespaces do not change it; a time namespace would, and the test
 * creates none). A test can check this: {@link #clockSkewNanos()}.
 */
public final class NamespaceObserver implements ServingWitness {

    public static final int PERIOD_MS = 5;
    private static final String SCRIPT = "ns-observer.js";

    private final Map<String, Path> files = new LinkedHashMap<>();
    private final List<Process> pollers = new ArrayList<>();
    private final List<Mark> marks = new CopyOnWriteArrayList<>();

    private NamespaceObserver() {
    }

    /**
     * Starts one poller per box.
     *
     * @param node      the node executable (the one the lab's Node-RED runs on)
     * @param dir       where the script and the sample files go
     * @param endpoints box name → its namespace link and the full canary URL on the box's own address
     */
    public static NamespaceObserver start(String node, Path dir, Map<String, Map.Entry<BoxLink, URI>> endpoints)
            throws IOException {
        NamespaceObserver o = new NamespaceObserver();
        Files.createDirectories(dir);
        Path script = dir.resolve(SCRIPT);
        try (InputStream in = NamespaceObserver.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("classpath resource io/redpair/testkit/" + SCRIPT + " is missing");
            }
            Files.write(script, in.readAllBytes());
        }
        for (Map.Entry<String, Map.Entry<BoxLink, URI>> e : endpoints.entrySet()) {
            Path file = dir.resolve("observer-" + e.getKey() + ".samples");
            Files.deleteIfExists(file);
            o.files.put(e.getKey(), file);
            BoxLink link = e.getValue().getKey();
            o.pollers.add(new ProcessBuilder("ip", "netns", "exec", link.namespace(), node, script.toString(),
                    e.getValue().getValue().toString(), Integer.toString(PERIOD_MS), file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("observer-" + e.getKey() + ".log").toFile())
                    .start());
        }
        o.awaitFirstSamples();
        return o;
    }

    /** Every poller wrote at least one sample: it runs and can reach its box's address. */
    private void awaitFirstSamples() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Map.Entry<String, Path> e : files.entrySet()) {
            while (read(e.getValue()).isEmpty()) {
                for (Process p : pollers) {
                    if (!p.isAlive()) {
                        throw new IOException("observer poller exited with " + p.exitValue() + "; see "
                                + e.getValue().getParent().resolve("observer-" + e.getKey() + ".log"));
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("observer for " + e.getKey() + " wrote no sample within 20 s");
                }
                sleep(20);
            }
        }
    }

    @Override
    public long mark(String name) {
        long now = System.nanoTime();
        marks.add(new Mark(name, now));
        return now;
    }

    @Override
    public ObserverReport report() {
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        files.forEach((box, file) -> samples.put(box, read(file)));
        return new ObserverReport(samples, List.copyOf(marks));
    }

    /**
     * The latest sample's receive time minus this JVM's clock read just after the files were read. With one
     * monotonic clock it lies between minus the flush delay (20 ms) plus a poll, and zero; a positive value or
     * one far below means the poller's clock is not this JVM's.
     */
    public long clockSkewNanos() {
        long latest = Long.MIN_VALUE;
        for (Path file : files.values()) {
            List<Sample> s = read(file);
            if (!s.isEmpty()) {
                latest = Math.max(latest, s.get(s.size() - 1).recvNanos());
            }
        }
        return latest - System.nanoTime();
    }

    /** Complete lines only: the poller may be writing the last one. */
    private static List<Sample> read(Path file) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            List<Sample> out = new ArrayList<>();
            String text = Files.readString(file);
            int end = text.lastIndexOf('\n');
            for (String line : text.substring(0, end + 1).split("\n")) {
                String[] f = line.split(" ");
                if (f.length == 3) {
                    out.add(new Sample(Long.parseLong(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2])));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read observer samples " + file, e);
        }
    }

    /** SIGTERM: each poller flushes its last samples and exits. */
    @Override
    public void close() throws InterruptedException {
        for (Process p : pollers) {
            p.destroy();
        }
        for (Process p : pollers) {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
