package io.redpair.supervisor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.failover.PairState;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import io.redpair.pair.Site;
import io.redpair.store.Journal;
import io.redpair.store.JournalEntry;
import io.redpair.store.SecretResolver;
import io.redpair.supervisor.NodeRedBoxPort;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.Supervisor;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.Observer;
import io.redpair.testkit.ObserverReport;
import io.redpair.testkit.ServingWitness;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A real pair for one fault test: box A (flows running, canary) and box B (booted stopped, canary), an
 * in-process supervisor with a real journal, and the independent {@link Observer}. Fault injection uses the
 * boxes' processes (signals) and the test's own HTTP calls — never RedPair's client.
 */
final class FaultLab implements AutoCloseable {

    static final Policy POLICY = Policy.defaults(); // 250 ms × 4: deadline 1 s, as shipped
    static final String PAIR = "line1";

    final NodeRedProcess a;
    final NodeRedProcess b;
    final Path dir;
    final Site site;
    final List<SupervisorEvent> events = new CopyOnWriteArrayList<>();
    Journal journal;
    Supervisor supervisor;
    ServingWitness observer;

    private FaultLab(NodeRedProcess a, NodeRedProcess b, Path dir, Policy policy) {
        this.a = a;
        this.b = b;
        this.dir = dir;
        Pair pair = new Pair(PAIR, "Line 1", Map.of(BoxId.A, box(a), BoxId.B, box(b)), BoxId.A,
                BoxOptions.CANARY_PATH, null, policy);
        this.site = new Site("Fault lab", List.of(pair));
    }

    static FaultLab start(NodeRedBoxes boxes, Path dir) {
        return start(boxes, dir, BoxOptions.defaults());
    }

    /** A runs {@code aOptions} (flows running); B the same flows, booted stopped (the hot spare). */
    static FaultLab start(NodeRedBoxes boxes, Path dir, BoxOptions aOptions) {
        return start(boxes, dir, aOptions, POLICY);
    }

    static FaultLab start(NodeRedBoxes boxes, Path dir, BoxOptions aOptions, Policy policy) {
        return start(boxes, dir, aOptions, aOptions, policy);
    }

    /** A runs {@code aOptions}; B runs {@code bOptions}, booted stopped (e.g. each box in its own namespace). */
    static FaultLab start(NodeRedBoxes boxes, Path dir, BoxOptions aOptions, BoxOptions bOptions, Policy policy) {
        NodeRedProcess a = boxes.start(aOptions);
        NodeRedProcess b = boxes.start(bOptions.withBootStopped(true));
        return new FaultLab(a, b, dir, policy);
    }

    NodeRedProcess process(BoxId box) {
        return box == BoxId.A ? a : b;
    }

    private static BoxConfig box(NodeRedProcess p) {
        return new BoxConfig(p.adminUrl(), AuthRef.none(), null);
    }

    static URI canary(NodeRedProcess p) {
        return URI.create("http://" + p.host() + ":" + p.port() + BoxOptions.CANARY_PATH);
    }

    FaultLab observe() {
        return observe(Observer.start(Map.of("A", canary(a), "B", canary(b))));
    }

    /** Uses {@code witness} as the independent observer (e.g. one polling from inside each box's namespace). */
    FaultLab observe(ServingWitness witness) {
        observer = witness;
        return this;
    }

    FaultLab supervise() {
        journal = Journal.open(dir.resolve("site.json.journal.db"));
        supervisor = Supervisor.start(site, journal, NodeRedBoxPort.factory(new SecretResolver()));
        supervisor.subscribe(Runnable::run, events::add);
        return this;
    }

    /** As {@link #supervise()}, with the pair's arbiter port (fence and output switch). */
    FaultLab superviseWithArbiter(io.redpair.supervisor.ArbiterPort arbiter) {
        journal = Journal.open(dir.resolve("site.json.journal.db"));
        supervisor = Supervisor.create(site, journal);
        supervisor.subscribe(Runnable::run, events::add);
        supervisor.start(NodeRedBoxPort.factory(new SecretResolver()), pair -> arbiter);
        return this;
    }

    /** RedPair goes away (console closed or crashed): supervisor, its arbiter link and the journal are closed. */
    void stopSupervising() {
        supervisor.close();
        supervisor = null;
        journal.close();
        journal = null;
    }

    /** What the dashboard and {@code redpair status} show for the pair. */
    PairSnapshot snapshot() {
        return supervisor.inspect(PAIR, v -> v.snapshot()).join();
    }

    /** The journal's lines of {@code kind} and {@code type} for the pair, oldest first. */
    List<String> journalled(JournalEntry.Kind kind, String type) {
        return journal.events(PAIR, Instant.EPOCH).stream().filter(e -> e.kind() == kind && e.type().equals(type))
                .map(JournalEntry::text).toList();
    }

    PairState state() {
        return supervisor.inspect(PAIR, v -> v.state()).join();
    }

    /** Waits for the pair's state to satisfy {@code condition}; fails with the state and the timeline. */
    PairState await(String what, Predicate<PairState> condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        PairState s = state();
        while (!condition.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + limit.toMillis() + " ms; state " + s + "\n"
                        + timeline());
            }
            TimeUnit.MILLISECONDS.sleep(20);
            s = state();
        }
        return s;
    }

    /** Holds for {@code duration} while checking {@code invariant} every 20 ms. */
    void hold(String invariant, Predicate<PairState> condition, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            PairState s = state();
            assertThat(condition.test(s)).as(invariant + "; state " + s + "\n" + timeline()).isTrue();
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    String timeline() {
        return events.stream().map(e -> "  " + io.redpair.supervisor.SnapshotJson.toJson(e))
                .collect(Collectors.joining("\n"));
    }

    /** Waits until a verified {@code command} on {@code box} was published after {@code afterIndex} events. */
    void awaitVerified(String command, BoxId box, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!events.stream().anyMatch(e -> e instanceof SupervisorEvent.CommandFinished c && c.ok()
                && c.command().equals(command) && c.box() == box)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no verified " + command + " " + box + " within " + limit.toMillis() + " ms\n"
                        + timeline());
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    boolean commandIssued(String command, BoxId box) {
        return events.stream().anyMatch(e -> e instanceof SupervisorEvent.CommandFinished c
                && c.command().equals(command) && c.box() == box);
    }

    /** The observer's figures, printed for the test report, with the zero-overlap assertion. */
    ObserverReport assertNoDualActive(String test) {
        ObserverReport r = observer.report();
        System.out.printf("[%s] observer: overlap %.1f ms, dual-active samples %d, polls A %d B %d,"
                        + " longest gap between answers A %d ms B %d ms%n", test, r.overlapMillis("A", "B"),
                r.dualActiveSamples("A", "B"), r.pollCount("A"), r.pollCount("B"), r.maxPollGapMillis("A"),
                r.maxPollGapMillis("B"));
        assertThat(r.overlapMillis("A", "B")).as("dual-active overlap (ms)\n" + timeline()).isZero();
        assertThat(r.dualActiveSamples("A", "B")).as("dual-active samples\n" + timeline()).isZero();
        return r;
    }

    /** The test's own POST /flows/state, behind RedPair's back. */
    static int setFlowsStateBehindTheBack(NodeRedProcess box, String state) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(box.adminUrl() + "/flows/state").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.setConnectTimeout(2_000);
        c.setReadTimeout(30_000);
        try (OutputStream out = c.getOutputStream()) {
            out.write(("{\"state\":\"" + state + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        int code = c.getResponseCode();
        c.getInputStream().readAllBytes();
        return code;
    }

    /** What the edge kit's boot guard does before Node-RED starts: flows stay stopped until RedPair decides. */
    static void bootGuard(NodeRedProcess box) throws IOException {
        Files.writeString(box.userDir().resolve(".config.runtime.json"), "{\"runtimeFlowState\":\"stop\"}\n");
    }

    @Override
    public void close() throws Exception {
        if (observer != null) {
            observer.close();
        }
        if (supervisor != null) {
            supervisor.close();
        }
        if (journal != null) {
            journal.close();
        }
    }
}
