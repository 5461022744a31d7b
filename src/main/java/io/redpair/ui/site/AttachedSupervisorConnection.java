package io.redpair.ui.site;

import io.redpair.pair.Site;
import io.redpair.store.SiteFile;
import io.redpair.store.SiteFileException;
import io.redpair.supervisor.ArbiterSnapshot;
import io.redpair.supervisor.EventJson;
import io.redpair.supervisor.EventLog;
import io.redpair.supervisor.PairSnapshot;
import io.redpair.supervisor.SiteLock;
import java.util.Optional;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.SnapshotJsonReader;
import io.redpair.supervisor.Subscribers;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.supervisor.control.ControlClient;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console attached to a headless {@code redpair supervise} that holds the site: it never starts a second
 * actor. It polls {@code status} and then {@code events} (everything after the last sequence number it has) over
 * the control channel at 4 Hz, and sends operator requests the same way, so they are judged and journalled by
 * that supervisor. Its event subscribers get the supervisor's own events, each exactly once and in order, so the
 * timeline reads as on a console running its own supervisor (ADR 0107). A supervisor older than the
 * {@code events} verb gets the fallback: events derived from successive snapshots ({@link SnapshotDiff}).
 *
 * <p>Invariant: nothing here writes to the boxes or the journal; a lost control channel is reported as a
 * problem, never papered over by taking the site.
 */
public final class AttachedSupervisorConnection implements SiteConnection {

    private static final Logger LOG = LoggerFactory.getLogger(AttachedSupervisorConnection.class);
    static final long POLL_MS = 250;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Site site;
    /** Re-read from the control file while the supervisor does not answer: a restarted one has a new port and token. */
    private volatile ControlClient client;
    private volatile String holder;
    private final Subscribers<SiteSnapshot> snapshots = new Subscribers<>();
    private final Subscribers<SupervisorEvent> events = new Subscribers<>();
    private final EventCursor cursor = new EventCursor();
    private final PairTimelines timelines = new PairTimelines();
    /** Null when the supervisor knows the {@code events} verb; else the fallback. Poller thread only. */
    private SnapshotDiff derived;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "redpair-attached-poll");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean lostReported;
    private final Path siteFile;
    private volatile SiteSnapshot latest;

    private AttachedSupervisorConnection(Path siteFile, Site site, ControlClient client, String holder) {
        this.siteFile = siteFile;
        this.site = site;
        this.client = client;
        this.holder = holder;
    }

    /** Attaches to the supervisor holding {@code siteFile}; fails when none does (no control file). Blocking. */
    public static AttachedSupervisorConnection attach(Path siteFile) throws IOException, SiteFileException {
        Site site = SiteFile.load(siteFile);
        ControlClient client = ControlClient.forSite(siteFile, TIMEOUT);
        AttachedSupervisorConnection c = new AttachedSupervisorConnection(siteFile, site, client,
                SiteLock.holderOf(siteFile));
        c.status(); // fails now, with the reason, when nothing answers on the control channel
        c.firstEvents();
        c.poller.scheduleWithFixedDelay(c::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
        return c;
    }

    private SiteSnapshot status() throws IOException {
        ControlResponse r = client.send(new ControlRequest(null, ControlRequest.STATUS, null, null, null, null,
                null, null, null, null));
        if (r.outcome() != ControlResponse.Outcome.OK || r.status() == null) {
            throw new IOException("status refused: " + r.outcome() + " " + r.message());
        }
        return SnapshotJsonReader.read(r.status());
    }

    /** The history the supervisor keeps, or the fallback when it does not know the verb. Before polling starts. */
    private void firstEvents() throws IOException {
        ControlResponse r = client.send(ControlRequest.events(0));
        if (r.outcome() != ControlResponse.Outcome.OK || r.events() == null) {
            LOG.info("the attached supervisor does not serve events ({} {}): timeline derived from snapshots",
                    r.outcome(), r.message());
            derived = new SnapshotDiff();
            return;
        }
        deliver(EventJson.readPage(r.events()));
    }

    private void poll() {
        try {
            SiteSnapshot s = status();
            latest = s;
            if (derived != null) {
                derived.next(s).forEach(this::publishEvent);
            } else {
                pollEvents();
            }
            snapshots.publish(timelines.into(s));
            if (lostReported) {
                lostReported = false;
                String text = "The supervisor answers again (supervise pid " + holder + ")";
                LOG.info("attached supervisor answers again: pid {}", holder);
                Instant now = Instant.now();
                site.pairs().forEach(p -> publishEvent(new SupervisorEvent.Noted(now, p.id(), 0, "attached", text)));
            }
        } catch (IOException | RuntimeException e) {
            reconnect();
            if (!lostReported) {
                lostReported = true;
                LOG.warn("attached supervisor not answering: {}", e.getMessage());
                Instant now = Instant.now();
                String text = "The supervisor this console is attached to does not answer: " + e.getMessage();
                // per pair: the dashboard keeps only pair events, and each pair's view depends on that supervisor
                site.pairs().forEach(p -> publishEvent(new SupervisorEvent.Alarmed(now, p.id(), 0, text)));
            }
        }
    }

    /**
     * Reads the control file again: when {@code supervise} was restarted (or another one took the site) it
     * listens on a new port with a new token, and this console follows it instead of staying detached. The
     * event cursor notices the new run by its numbering (EventCursor) and says what was missed.
     */
    private void reconnect() {
        try {
            client = ControlClient.forSite(siteFile, TIMEOUT);
            holder = SiteLock.holderOf(siteFile);
        } catch (IOException | RuntimeException e) {
            LOG.debug("no control file to re-read yet: {}", e.getMessage());
        }
    }

    /** Everything after the cursor; a few pages at most when the supervisor had a burst. */
    private void pollEvents() throws IOException {
        for (int page = 0; page < 4; page++) {
            ControlResponse r = client.send(ControlRequest.events(cursor.after()));
            if (r.outcome() != ControlResponse.Outcome.OK || r.events() == null) {
                throw new IOException("events refused: " + r.outcome() + " " + r.message());
            }
            if (!deliver(EventJson.readPage(r.events()))) {
                return;
            }
        }
    }

    /** Publishes the page's new events; true when the supervisor has more. */
    private boolean deliver(EventLog.Page page) {
        List<String> pairIds = site.pairs().stream().map(io.redpair.pair.Pair::id).toList();
        cursor.accept(page, Instant.now(), pairIds).forEach(this::publishEvent);
        return cursor.behind(page);
    }

    private void publishEvent(SupervisorEvent e) {
        timelines.add(e);
        events.publish(e);
    }

    @Override
    public Site site() {
        return site;
    }

    @Override
    public Path location() {
        return siteFile;
    }

    @Override
    public String describe() {
        return "Supervisor: attached to supervise pid " + holder;
    }

    @Override
    public AutoCloseable subscribeSnapshots(Executor executor, Consumer<? super SiteSnapshot> consumer) {
        return snapshots.add(executor, consumer);
    }

    @Override
    public AutoCloseable subscribeEvents(Executor executor, Consumer<? super SupervisorEvent> consumer) {
        return events.add(executor, consumer);
    }

    /** From the last status polled; the supervisor serializes the arbiter view into it (SnapshotJson). */
    @Override
    public Optional<ArbiterSnapshot> arbiterStatus(String pairId) {
        SiteSnapshot s = latest;
        return s == null ? Optional.empty() : s.pair(pairId).map(PairSnapshot::arbiter);
    }

    @Override
    public CompletableFuture<ControlResponse> send(ControlRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.send(request);
            } catch (IOException e) {
                return ControlResponse.of(ControlResponse.Outcome.FAILED, "control channel: " + e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
