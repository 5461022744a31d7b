package io.redpair.ui.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.store.Journal;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFile;
import io.redpair.supervisor.NodeRedBoxPort;
import io.redpair.supervisor.SiteLock;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.Supervisor;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import io.redpair.supervisor.control.ControlServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 item 5 below the UI: a read-only console takes no site lock, opens no journal, and sends nothing to a
 * running supervisor but {@code status} polls. The boxes refuse connections (closed loopback ports): enough to
 * be probed, and nothing here could start them anyway.
 */
class ReadOnlySiteConnectionTest {

    @TempDir
    Path dir;

    private final AtomicReference<SiteSnapshot> latest = new AtomicReference<>();

    private Path site() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed;
        return Files.writeString(dir.resolve("site.json"), "{\"version\": 1, \"site\": \"S\", \"pairs\": [{\"id\": \"line1\","
                + " \"boxes\": {\"A\": {\"url\": \"" + url + "\", \"auth\": {\"type\": \"none\"}},"
                + " \"B\": {\"url\": \"" + url + "\", \"auth\": {\"type\": \"none\"}}}}]}");
    }

    private SiteSnapshot await(Predicate<SiteSnapshot> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (latest.get() == null || !condition.test(latest.get())) {
            assertThat(System.nanoTime()).as("no fitting snapshot in time: " + latest.get()).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return latest.get();
    }

    private static ControlRequest switchover() {
        return new ControlRequest(null, ControlRequest.SWITCHOVER, "line1", "B", null, null, null, null, "ana", "hmi");
    }

    @Test
    void withoutASupervisorItProbesWithoutLockJournalOrDecisions() throws Exception {
        Path site = site();
        try (SiteConnection console = SiteConnections.openReadOnly(site)) {
            assertThat(console.readOnly()).isTrue();
            assertThat(console.describe()).contains("No supervisor runs").endsWith("READ-ONLY");
            console.subscribeSnapshots(Runnable::run, latest::set);
            SiteSnapshot s = await(x -> !x.pairs().isEmpty());
            assertThat(s.supervised()).as("nothing decides").isFalse();
            assertThat(s.pairs().get(0).mode()).isNull();
            Optional<SiteLock> lock = SiteLock.tryAcquire(site);
            assertThat(lock).as("the read-only console did not take the site").isPresent();
            lock.get().close();
            assertThat(console.send(switchover()).get().outcome()).isEqualTo(ControlResponse.Outcome.REFUSED);
            assertThat(console.siteFile()).as("no editor").isNull();
        }
        assertThat(Journal.fileFor(site)).as("no journal opened").doesNotExist();
    }

    @Test
    void attachedToARunningSupervisorItOnlyPollsStatus() throws Exception {
        Path site = site();
        List<String> ops = new CopyOnWriteArrayList<>();
        try (SiteLock lock = SiteLock.tryAcquire(site).orElseThrow();
             Journal journal = Journal.open(Journal.fileFor(site));
             Supervisor supervisor = Supervisor.start(SiteFile.load(site), journal,
                     NodeRedBoxPort.factory(new SecretResolver()))) {
            ControlServer control = ControlServer.start(site, r -> {
                ops.add(r.op());
                return supervisor.handle(r);
            });
            try (SiteConnection console = SiteConnections.openReadOnly(site)) {
                assertThat(console.describe()).startsWith("Watching supervise pid").endsWith("READ-ONLY");
                console.subscribeSnapshots(Runnable::run, latest::set);
                await(x -> x.supervised() && x.pairs().get(0).mode() != null);
                ControlResponse r = console.send(switchover()).get(5, TimeUnit.SECONDS);
                assertThat(r.outcome()).isEqualTo(ControlResponse.Outcome.REFUSED);
                TimeUnit.MILLISECONDS.sleep(600); // a few more polls
            } finally {
                control.close(site);
            }
        }
        assertThat(ops).as("only the read verbs (events: ADR 0107)").isNotEmpty()
                .containsOnly(ControlRequest.STATUS, ControlRequest.EVENTS).contains(ControlRequest.STATUS);
    }
}
