package io.redpair.ui.site;

import io.redpair.arbiter.SerialPortScanner;
import io.redpair.pair.Pair;
import io.redpair.pair.Site;
import io.redpair.supervisor.ArbiterPort;
import io.redpair.supervisor.LinkArbiterPort;
import io.redpair.store.Journal;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFile;
import io.redpair.store.SiteFileException;
import io.redpair.supervisor.ArbiterSnapshot;
import io.redpair.supervisor.NodeRedBoxPort;
import io.redpair.supervisor.PairSnapshot;
import java.util.Optional;
import io.redpair.supervisor.SiteLock;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.Supervisor;
import io.redpair.supervisor.SupervisorEvent;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The console runs the site's supervisor itself. Requests go through the same {@link Supervisor#handle}
 * path as the control channel (so they are judged by the decider and journalled with the OS user the
 * same way), on a worker thread: {@code handle} waits for the supervisor thread, the JavaFX thread must not.
 */
public final class OwnSupervisorConnection implements SiteConnection {

    private final Supervisor supervisor;
    private final ExecutorService requests = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "redpair-console-requests");
        t.setDaemon(true);
        return t;
    });

    private final AutoCloseable resources;
    private final AutoCloseable latestSubscription;
    private volatile SiteSnapshot latest;
    private Path siteFile;

    /** Wraps a running supervisor; {@code resources} (journal, site lock) are closed after it. */
    public OwnSupervisorConnection(Supervisor supervisor, AutoCloseable resources) {
        this.supervisor = supervisor;
        this.resources = resources;
        this.latestSubscription = supervisor.subscribeSnapshots(Runnable::run, s -> latest = s);
    }

    /**
     * Takes the site: its lock, its journal, and a supervisor that decides and acts. Blocking (file I/O):
     * call it off the JavaFX thread. Fails with a message naming the holder when another supervisor runs.
     */
    public static OwnSupervisorConnection open(Path siteFile) throws IOException, SiteFileException {
        return open(siteFile, pair -> LinkArbiterPort.forPair(pair, SerialPortScanner.system()));
    }

    /** As {@link #open(Path)} with each pair's arbiter from {@code arbiters} (null: none); the lab passes its link. */
    public static OwnSupervisorConnection open(Path siteFile, Function<Pair, ArbiterPort> arbiters)
            throws IOException, SiteFileException {
        Site site = SiteFile.load(siteFile);
        SiteLock lock = SiteLock.tryAcquire(siteFile).orElseThrow(() -> new IOException("another supervisor (pid "
                + SiteLock.holderOf(siteFile) + ") holds " + siteFile + "; close it or attach to it"));
        Journal journal;
        try {
            journal = Journal.open(Journal.fileFor(siteFile));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        Supervisor supervisor = Supervisor.create(site, journal);
        try {
            supervisor.start(NodeRedBoxPort.factory(new SecretResolver()), arbiters);
        } catch (RuntimeException e) {
            supervisor.close();
            try (lock; journal) {
                throw e;
            }
        }
        OwnSupervisorConnection c = new OwnSupervisorConnection(supervisor, () -> {
            try (lock; journal) {
                // closed in reverse order: journal, then the lock
            }
        });
        c.siteFile = siteFile;
        return c;
    }

    @Override
    public Site site() {
        return supervisor.site();
    }

    @Override
    public Path siteFile() {
        return siteFile;
    }

    @Override
    public String describe() {
        return "Supervisor: this console";
    }

    @Override
    public AutoCloseable subscribeSnapshots(Executor executor, Consumer<? super SiteSnapshot> consumer) {
        return supervisor.subscribeSnapshots(executor, consumer);
    }

    @Override
    public AutoCloseable subscribeEvents(Executor executor, Consumer<? super SupervisorEvent> consumer) {
        return supervisor.subscribe(executor, consumer);
    }

    @Override
    public Optional<ArbiterSnapshot> arbiterStatus(String pairId) {
        SiteSnapshot s = latest;
        return s == null ? Optional.empty() : s.pair(pairId).map(PairSnapshot::arbiter);
    }

    @Override
    public CompletableFuture<ControlResponse> send(ControlRequest request) {
        return CompletableFuture.supplyAsync(() -> supervisor.handle(request), requests);
    }

    @Override
    public void close() {
        requests.shutdownNow();
        try {
            latestSubscription.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(OwnSupervisorConnection.class).debug("unsubscribing: {}", e.toString());
        }
        supervisor.close();
        try {
            resources.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(OwnSupervisorConnection.class).warn("closing the site: {}", e.toString());
        }
    }
}
