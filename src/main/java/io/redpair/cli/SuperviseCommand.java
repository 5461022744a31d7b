package io.redpair.cli;

import io.redpair.pair.Site;
import io.redpair.store.Journal;
import io.redpair.supervisor.SiteLock;
import io.redpair.supervisor.SnapshotJson;
import io.redpair.supervisor.Supervisor;
import io.redpair.supervisor.control.ControlServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code redpair supervise --site F [--events jsonl]}: the one process that acts on the site's boxes, until
 * SIGINT/SIGTERM. Holds the site lock for its whole life; a second one is refused.
 */
@Command(name = "supervise", description = "Watch the site's pairs and act on failures until stopped (SIGINT/SIGTERM).")
public final class SuperviseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--site", required = true, description = "Site file (JSON).")
    Path site;

    @Option(names = "--events", description = "Print events on stdout; the only format is 'jsonl' (one JSON object per line).")
    String events;

    /** Each pair's arbiter; the lab replaces it with its in-process link (its port exists only in that JVM). */
    java.util.function.Function<io.redpair.pair.Pair, io.redpair.supervisor.ArbiterPort> arbiters =
            pair -> io.redpair.supervisor.LinkArbiterPort.forPair(pair, io.redpair.arbiter.SerialPortScanner.system());

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (events != null && !"jsonl".equals(events)) {
            err.println("redpair: --events supports only 'jsonl', got '" + events + "'");
            return ExitCodes.USAGE;
        }
        Site loaded = SiteSession.load(site, err);
        if (loaded == null) {
            return ExitCodes.BAD_INPUT;
        }
        Optional<SiteLock> lock = SiteLock.tryAcquire(site);
        if (lock.isEmpty()) {
            err.println("redpair: another supervisor already runs for " + site + " (pid " + SiteLock.holderOf(site)
                    + "); only one may act on a site. Use 'redpair status/switchover/failover/maintenance', which talk to it.");
            return ExitCodes.REFUSED;
        }
        try (SiteLock held = lock.get(); Journal journal = Journal.open(Journal.fileFor(site))) {
            return runUntilSignalled(loaded, journal);
        } finally {
            cleanedUp.countDown(); // lets the shutdown hook (and so the JVM) finish only after the journal closed
        }
    }

    private int runUntilSignalled(Site loaded, Journal journal) throws Exception {
        Supervisor supervisor = Supervisor.create(loaded, journal);
        ExecutorService printer = Executors.newSingleThreadExecutor(r -> new Thread(r, "redpair-events"));
        if (events != null) {
            PrintWriter out = spec.commandLine().getOut();
            supervisor.subscribe(printer, e -> {
                out.println(SnapshotJson.toJson(e).toString());
                out.flush();
            });
        }
        AuditTrail audit = AuditTrail.attach(supervisor, Journal.fileFor(site), spec.commandLine().getErr());
        try {
            supervisor.start(SiteSession.ports(), arbiters);
        } catch (IllegalArgumentException e) { // e.g. an unresolvable secret reference
            supervisor.close();
            printer.shutdown();
            audit.close();
            spec.commandLine().getErr().println("redpair: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        ControlServer control = ControlServer.start(site, supervisor);
        Thread hook = new Thread(() -> {
            stopped.countDown();
            awaitQuietly(cleanedUp);
        }, "redpair-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } finally {
            control.close(site);
            supervisor.close();
            printer.shutdown();
            audit.close();
        }
        return ExitCodes.OK;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
