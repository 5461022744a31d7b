package io.redpair.ui.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.ArbiterLink;
import io.redpair.arbiter.ArbiterLinkOptions;
import io.redpair.arbiter.ArbiterSimulator;
import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.DeviceIdentity;
import io.redpair.arbiter.InMemoryPorts;
import io.redpair.arbiter.InMemoryTransport;
import io.redpair.pair.ArbiterConfig;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import io.redpair.pair.Site;
import io.redpair.store.Journal;
import io.redpair.store.SiteFile;
import io.redpair.supervisor.ArbiterSnapshot;
import io.redpair.supervisor.LinkArbiterPort;
import io.redpair.supervisor.SilentBoxPort;
import io.redpair.supervisor.SiteSnapshot;
import io.redpair.supervisor.Supervisor;
import io.redpair.supervisor.control.ControlServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attached console sees the arbiter through the control channel only: a supervisor with the real link over
 * an in-memory cable to the simulator serves {@code status}; the attached connection's snapshots and its
 * {@code arbiterStatus()} carry the device's STATUS (and the same for the console's own supervisor).
 */
class AttachedArbiterStatusTest {

    static final String PAIR = "line1";

    @TempDir
    Path dir;

    @Test
    void bothConnectionsReportTheArbiterTheSupervisorSees() throws Exception {
        InMemoryPorts ports = new InMemoryPorts();
        InMemoryTransport.Cable cable = InMemoryTransport.pair("mem0");
        Path siteFile = dir.resolve("site.json");
        Pair pair = new Pair(PAIR, "Line 1", Map.of(
                BoxId.A, new BoxConfig(URI.create("http://127.0.0.1:1/"), AuthRef.none(), null),
                BoxId.B, new BoxConfig(URI.create("http://127.0.0.1:2/"), AuthRef.none(), null)),
                BoxId.A, "/redpair/heartbeat", new ArbiterConfig("mem0", "A0042", 115200),
                new Policy(250, 4, true, 600, 3000, Policy.Fencing.ARBITER));
        Site site = new Site("Hall", List.of(pair));
        SiteFile.save(siteFile, site);
        try (ArbiterSimulator sim = ArbiterSimulator.start(DeviceIdentity.simulator("A0042"), dir.resolve("sim.state"),
                cable.device(), null); Journal journal = Journal.open(dir.resolve("site.journal.db"))) {
            ports.plug("mem0", () -> cable.host().reopen());
            sim.setSupply(BoxId.B, false);
            ArbiterLink link = ArbiterLink.open(new ArbiterLinkOptions("mem0", "A0042", "WS07", 2000, 200, 100), ports);
            Supervisor supervisor = Supervisor.create(site, journal);
            supervisor.start((p, box) -> new SilentBoxPort(), p -> new LinkArbiterPort(link));
            OwnSupervisorConnection own = new OwnSupervisorConnection(supervisor, () -> { });
            try (own; ControlServer server = ControlServer.start(siteFile, supervisor);
                 AttachedSupervisorConnection attached = AttachedSupervisorConnection.attach(siteFile)) {
                List<SiteSnapshot> seen = new CopyOnWriteArrayList<>();
                attached.subscribeSnapshots(Runnable::run, seen::add);

                ArbiterSnapshot viaAttach = awaitStatus(attached);
                ArbiterSnapshot viaOwn = awaitStatus(own);

                for (ArbiterSnapshot a : List.of(viaAttach, viaOwn)) {
                    assertThat(a.link()).contains("A0042");
                    assertThat(a.status().state()).isEqualTo(ArbiterStatus.ArmState.ARMED);
                    assertThat(a.status().selected()).isEqualTo(sim.selected());
                    assertThat(a.status().poweredA()).isTrue();
                    assertThat(a.status().poweredB()).as("the simulator's B supply is off").isFalse();
                    assertThat(a.status().epoch()).isEqualTo(sim.epoch());
                }
                // the poller stores a status before it publishes it: arbiterStatus() can be ahead of the subscribers
                java.util.function.Predicate<SiteSnapshot> carriesIt = s -> s.pair(PAIR)
                        .map(p -> p.arbiter() != null && p.arbiter().status() != null).orElse(false);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (seen.stream().noneMatch(carriesIt) && System.nanoTime() < until) {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                assertThat(seen).as("the attached console's own snapshots carry it too").anyMatch(carriesIt);
            }
        }
    }

    private static ArbiterSnapshot awaitStatus(SiteConnection c) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Optional<ArbiterSnapshot> a = Optional.empty();
        while (System.nanoTime() < until) {
            a = c.arbiterStatus(PAIR);
            if (a.isPresent() && a.get().linkUp() && a.get().status() != null && !a.get().status().poweredB()
                    && a.get().status().state() == ArbiterStatus.ArmState.ARMED) {
                return a.get();
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError(c.describe() + ": no arbiter status within 10 s; last " + a);
    }
}
