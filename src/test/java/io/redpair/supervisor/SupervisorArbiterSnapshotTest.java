package io.redpair.supervisor;

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
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deciding supervisor with the real {@link LinkArbiterPort} over an in-memory cable to the real simulator:
 * the pair snapshot carries what the device reports (selection, relay feedback, fences, power sense, heartbeat
 * line ages, watchdog countdown, arm state, epoch), follows it when it changes, and keeps the last STATUS
 * marked stale when the link goes down. The boxes never answer, so the decider stays in STARTING and the
 * arbiter is only observed here.
 */
class SupervisorArbiterSnapshotTest {

    static final String PAIR = "line1";

    @TempDir
    Path dir;
    final InMemoryPorts ports = new InMemoryPorts();
    ArbiterSimulator sim;
    Journal journal;
    Supervisor supervisor;
    LinkArbiterPort port;

    @BeforeEach
    void setUp() throws Exception {
        InMemoryTransport.Cable cable = InMemoryTransport.pair("mem0");
        sim = ArbiterSimulator.start(DeviceIdentity.simulator("A0042"), dir.resolve("sim.state"), cable.device(), null);
        ports.plug("mem0", () -> cable.host().reopen());
        sim.heartbeatSource(BoxId.A, () -> true);
        ArbiterLink link = ArbiterLink.open(new ArbiterLinkOptions("mem0", "A0042", "WS07", 2000, 200, 100), ports);
        Policy policy = new Policy(250, 4, true, 600, 3000, Policy.Fencing.ARBITER);
        Pair pair = new Pair(PAIR, "Line 1", Map.of(
                BoxId.A, new BoxConfig(URI.create("http://127.0.0.1:1/"), AuthRef.none(), null),
                BoxId.B, new BoxConfig(URI.create("http://127.0.0.1:2/"), AuthRef.none(), null)),
                BoxId.A, "/redpair/heartbeat", new ArbiterConfig("mem0", "A0042", 115200), policy);
        journal = Journal.open(dir.resolve("site.journal.db"));
        supervisor = Supervisor.create(new Site("Hall", List.of(pair)), journal);
        port = new LinkArbiterPort(link);
        supervisor.start((p, box) -> new SilentBoxPort(), p -> port);
    }

    @AfterEach
    void tearDown() {
        supervisor.close();
        journal.close();
        sim.close();
    }

    @Test
    void theSnapshotCarriesTheArbiterStatusAsTheDeviceReportsIt() throws Exception {
        ArbiterSnapshot a = await("link up with a STATUS", s -> s.linkUp() && s.status() != null
                && s.status().state() == ArbiterStatus.ArmState.ARMED && s.status().heartbeatAgeA() >= 0);

        ArbiterStatus st = a.status();
        assertThat(a.link()).contains("A0042");
        assertThat(st.selected()).isEqualTo(sim.selected());
        assertThat(st.fencedA()).isFalse();
        assertThat(st.poweredA()).isTrue();
        assertThat(st.heartbeatAgeA()).as("A's heartbeat line is driven").isBetween(0L, 5000L);
        assertThat(st.heartbeatAgeB()).as("B's line never moved since boot").isEqualTo(-1);
        assertThat(st.watchdogLeftMs()).as("never more than the 2 s it was armed with").isBetween(0L, 2000L);
        assertThat(st.epoch()).isEqualTo(sim.epoch());
        assertThat(a.statusAgeMs()).as("polled every 200 ms; headroom for a loaded machine").isBetween(0L, 5000L);
    }

    @Test
    void theSnapshotFollowsTheDeviceAndKeepsTheLastStatusStaleWhenTheLinkDrops() throws Exception {
        await("link up", s -> s.linkUp() && s.status() != null);
        sim.setSupply(BoxId.B, false);
        await("B's power sense off", s -> s.status() != null && !s.status().poweredB());

        sim.setSilent(true);
        ArbiterSnapshot down = await("link down", s -> !s.linkUp());

        assertThat(down.link()).startsWith("down: ");
        assertThat(down.status()).as("last STATUS kept").isNotNull();
        assertThat(down.status().poweredB()).isFalse();
        sim.setSilent(false);
        await("link up again", s -> s.linkUp() && s.status() != null && s.statusAgeMs() < 1500);
    }

    @Test
    void aFenceAndItsEpochReachTheSnapshot() throws Exception {
        await("link up", s -> s.linkUp() && s.status() != null);

        assertThat(port.fence(BoxId.B, 4).get(5, TimeUnit.SECONDS)).isInstanceOf(ArbiterPort.Outcome.Confirmed.class);

        ArbiterSnapshot a = await("B fenced", s -> s.status() != null && s.status().fencedB());
        assertThat(a.status().poweredB()).isFalse();
        assertThat(a.status().epoch()).isEqualTo(4);
    }

    private ArbiterSnapshot await(String what, Predicate<ArbiterSnapshot> wanted) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        ArbiterSnapshot last = null;
        while (System.nanoTime() < until) {
            last = supervisor.snapshot().join().pair(PAIR).orElseThrow().arbiter();
            if (last != null && wanted.test(last)) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("not " + what + " within 10 s; last arbiter view " + last);
    }
}
