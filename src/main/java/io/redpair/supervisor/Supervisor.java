package io.redpair.supervisor;

import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Site;
import io.redpair.store.Journal;
import io.redpair.store.Reconciliation;
import io.redpair.supervisor.control.ControlHandler;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime of one site: a single supervisor thread owns the state of every pair (the only writer); probes run
 * asynchronously and post their outcomes back; box commands run on a small I/O executor, verified, and post
 * their results back; immutable {@link SiteSnapshot}s and {@link SupervisorEvent}s go to subscribers on the
 * executors they chose.
 *
 * <p>Read-only mode (no journal): probes and health only, no decisions, no commands — what {@code status}
 * uses when no supervisor holds the site, so looking never changes anything.
 */
public final class Supervisor implements AutoCloseable, ControlHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

    /** Opens the port of one box of a pair; the supervisor closes it. */
    @FunctionalInterface
    public interface BoxPortFactory {
        BoxPort open(Pair pair, BoxId box);
    }

    private final Site site;
    private final RuntimeContext ctx;
    private final Map<String, PairRuntime> pairs = new LinkedHashMap<>();
    private final List<BoxPort> openPorts = new ArrayList<>();
    private final List<ArbiterPort> arbiterPorts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Subscribers<SupervisorEvent> events = new Subscribers<>();
    private final Subscribers<SiteSnapshot> snapshots = new Subscribers<>();
    /** Every published event with its sequence number, for attached consoles ({@code events} verb). */
    private final EventLog eventLog = new EventLog(EventLog.KEPT);
    private final OperatorRequests operator;
    private final BoxFactsReader.Timing factsTiming;

    private Supervisor(Site site, Journal journal, Clock wallClock, BoxFactsReader.Timing factsTiming) {
        this.site = site;
        this.factsTiming = factsTiming;
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "redpair-supervisor"));
        AtomicInteger n = new AtomicInteger();
        ExecutorService io = Executors.newFixedThreadPool(4, r -> thread(r, "redpair-command-" + n.incrementAndGet()));
        ExecutorService parking = Executors.newCachedThreadPool(r -> thread(r, "redpair-parked-stop"));
        this.ctx = new RuntimeContext(loop, io, parking, journal, this::publish, wallClock, System::nanoTime);
        this.operator = new OperatorRequests(ctx, pairs);
    }

    /**
     * Starts supervising. With a journal the supervisor decides and acts (the caller must hold the site lock);
     * with {@code journal == null} it only observes.
     */
    public static Supervisor start(Site site, Journal journal, BoxPortFactory ports) {
        Supervisor s = create(site, journal);
        s.start(ports);
        return s;
    }

    /** A supervisor that does nothing yet: subscribe first, then {@link #start(BoxPortFactory)}, to miss no event. */
    public static Supervisor create(Site site, Journal journal) {
        return new Supervisor(site, journal, Clock.systemUTC(), BoxFactsReader.Timing.DEFAULT);
    }

    /** As {@link #create(Site, Journal)} with another version/revision reading rate (tests). */
    static Supervisor create(Site site, Journal journal, BoxFactsReader.Timing factsTiming) {
        return new Supervisor(site, journal, Clock.systemUTC(), factsTiming);
    }

    /**
     * Reconciles from the journal and begins probing; once only.
     *
     * @throws IllegalArgumentException when a box cannot be configured (e.g. a secret reference does not resolve)
     */
    public void start(BoxPortFactory ports) {
        start(ports, pair -> null);
    }

    /**
     * As {@link #start(BoxPortFactory)}, with each pair's arbiter ({@code arbiters} returns null for a pair
     * without one). The supervisor closes the ports it was given when it closes.
     */
    public void start(BoxPortFactory ports, java.util.function.Function<Pair, ArbiterPort> arbiters) {
        try {
            submit(() -> startPairs(ports, arbiters)).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void startPairs(BoxPortFactory factory, java.util.function.Function<Pair, ArbiterPort> arbiters) {
        if (!pairs.isEmpty()) {
            throw new IllegalStateException("supervisor already started");
        }
        long now = ctx.now();
        for (Pair pair : site.pairs()) {
            Map<BoxId, BoxPort> ports = new EnumMap<>(BoxId.class);
            for (BoxId box : BoxId.values()) {
                BoxPort port = factory.open(pair, box);
                ports.put(box, port);
                openPorts.add(port);
            }
            Reconciliation journalled = ctx.readOnly() ? new Reconciliation(pair.id(), 0, java.util.Optional.empty(),
                    java.util.Optional.empty()) : Reconciler.reconcile(ctx.journal(), pair.id(), now);
            ArbiterPort arbiter = arbiters.apply(pair);
            if (arbiter != null) {
                arbiterPorts.add(arbiter);
            }
            PairRuntime runtime = new PairRuntime(pair, ctx, ports, arbiter, journalled, now, factsTiming);
            pairs.put(pair.id(), runtime);
            long period = pair.policy().intervalMs();
            ctx.loop().scheduleWithFixedDelay(() -> tick(runtime), 0, period, TimeUnit.MILLISECONDS);
        }
        LOG.info("supervising site '{}' ({} pairs){}", site.name(), pairs.size(), ctx.readOnly() ? " read-only" : "");
    }

    private void tick(PairRuntime runtime) {
        try {
            runtime.tick(ctx.now());
            snapshots.publish(snapshotNow());
        } catch (RuntimeException e) {
            LOG.error("pair {} tick failed", runtime.pair().id(), e); // keep the schedule alive
        }
    }

    /**
     * Numbers the event, then hands it to subscribers; from any thread (commands publish from theirs). One lock
     * around both, so every subscriber sees the events in sequence order, the order an attached console gets them
     * (handing over to a subscriber's executor never blocks, so the lock is held only briefly).
     */
    private void publish(SupervisorEvent e) {
        synchronized (eventLog) {
            eventLog.append(e);
            events.publish(e);
        }
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private <T> CompletableFuture<T> submit(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, ctx.loop());
    }

    private CompletableFuture<Void> submit(Runnable work) {
        return CompletableFuture.runAsync(work, ctx.loop());
    }

    public Site site() {
        return site;
    }

    /** Events, delivered on {@code executor}. Close the result to unsubscribe. */
    public AutoCloseable subscribe(java.util.concurrent.Executor executor, Consumer<? super SupervisorEvent> consumer) {
        return events.add(executor, consumer);
    }

    /** A snapshot after every tick and decision, delivered on {@code executor}; coalesce if you are slow. */
    public AutoCloseable subscribeSnapshots(java.util.concurrent.Executor executor, Consumer<? super SiteSnapshot> consumer) {
        return snapshots.add(executor, consumer);
    }

    /** The current snapshot, taken on the supervisor thread. */
    public CompletableFuture<SiteSnapshot> snapshot() {
        return submit(this::snapshotNow);
    }

    private SiteSnapshot snapshotNow() {
        return new SiteSnapshot(site.name(), ctx.wallClock().instant(), !ctx.readOnly(),
                pairs.values().stream().map(PairRuntime::snapshot).toList());
    }

    /**
     * Reads both boxes' Node-RED version and flows revision again now instead of at the next period: call it
     * after deploying to a pair (a push), so the revisions and the drift verdict follow at once.
     */
    public void readFactsSoon(String pairId) {
        submit(() -> {
            PairRuntime runtime = pairs.get(pairId);
            if (runtime != null) {
                runtime.readFactsSoon();
            }
        });
    }

    /** Runs {@code query} on the supervisor thread against one pair (tests, one-shot commands). */
    public <T> CompletableFuture<T> inspect(String pairId, Function<PairRuntimeView, T> query) {
        return submit(() -> query.apply(new PairRuntimeView(pairs.get(pairId))));
    }

    /**
     * From now on every operator request is recorded through {@code auditGate} before it is decided;
     * when the gate throws {@link io.redpair.store.audit.AuditUnavailableException} the request is
     * refused. Automatic actions never pass through it (docs/security.md, audit contract).
     */
    public void recordOperatorRequestsIn(Consumer<io.redpair.store.audit.AuditEvent> auditGate) {
        operator.auditGate(auditGate);
    }

    /**
     * Serves a control-channel request. {@code events} is answered from the event log on the calling thread (it
     * needs nothing of the supervisor thread); everything else is decided on the supervisor thread.
     */
    @Override
    public ControlResponse handle(ControlRequest request) {
        if (ControlRequest.EVENTS.equals(request.op())) {
            long since = request.since() == null ? 0 : request.since();
            return ControlResponse.events(EventJson.toJson(eventLog.after(since, EventLog.KEPT)));
        }
        try {
            return submit(() -> operator.handle(request, snapshotNow())).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ControlResponse.of(ControlResponse.Outcome.FAILED, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return ControlResponse.of(ControlResponse.Outcome.FAILED, "supervisor did not answer: " + e);
        }
    }

    @Override
    public void close() {
        ctx.loop().shutdownNow();
        ctx.io().shutdownNow();
        ctx.parking().shutdownNow();
        try {
            ctx.loop().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        openPorts.forEach(BoxPort::close);
        arbiterPorts.forEach(ArbiterPort::close);
        LOG.info("stopped supervising site '{}'", site.name());
    }
}
