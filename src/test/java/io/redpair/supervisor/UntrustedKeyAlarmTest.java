package io.redpair.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.failover.Mode;
import io.redpair.failover.PairState;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.pair.Site;
import io.redpair.store.Actor;
import io.redpair.store.Journal;
import io.redpair.store.JournalEntry;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFile;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditRecord;
import io.redpair.store.trust.BoxPin;
import io.redpair.store.trust.ConfirmedPins;
import io.redpair.store.trust.PinFile;
import io.redpair.store.trust.Pins;
import io.redpair.testkit.LabSiteFile;
import io.redpair.testkit.NodeRedBoxes;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 item 2 with real Node-RED over https: a box whose key is not the pinned one is refused, alarmed
 * once, journalled and audited, and is not taken for dead (nothing is started on the other box); a staged
 * next pin is accepted like the current one (planned rotation).
 */
class UntrustedKeyAlarmTest {

    static final String PAIR = "line1";
    static final Duration SETTLE = Duration.ofSeconds(40);

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    final List<SupervisorEvent> events = new CopyOnWriteArrayList<>();

    private static String stalePin() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static BoxPin pin(String current, String next) {
        return new BoxPin(current, next, "CN=box", null, "alice@eng-1", Instant.parse("2026-11-01T00:00:00Z"));
    }

    /** A (flows running) and B (stopped) over https; A pinned as given, B pinned to its real key. */
    private Site site(NodeRedProcess a, NodeRedProcess b, BoxPin aPin) throws Exception {
        Path siteFile = LabSiteFile.write(dir, a, b, true, 3000);
        Pins pins = Pins.none().with(PAIR, BoxId.A, aPin).with(PAIR, BoxId.B, pin(b.tlsPin(), null));
        PinFile.save(PinFile.fileFor(siteFile), pins);
        return ConfirmedPins.apply(SiteFile.load(siteFile), PinFile.load(PinFile.fileFor(siteFile)));
    }

    private static PairState await(Supervisor s, String what, Predicate<PairState> condition) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        PairState state = s.inspect(PAIR, v -> v.state()).join();
        while (!condition.test(state)) {
            assertThat(System.nanoTime()).as("not " + what + " in time; state " + state).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50);
            state = s.inspect(PAIR, v -> v.state()).join();
        }
        return state;
    }

    @Test
    void aChangedKeyIsRefusedAlarmedOnceJournalledAuditedAndNeverTakenForDeath() throws Exception {
        NodeRedProcess a = boxes.start(BoxOptions.defaults().withHttps(true));
        NodeRedProcess b = boxes.start(BoxOptions.defaults().withHttps(true).withBootStopped(true));
        String stale = stalePin();
        Site site = site(a, b, pin(stale, null));
        ExecutorService auditThread = Executors.newSingleThreadExecutor();
        try (Journal journal = Journal.open(dir.resolve("site.json.journal.db"));
             AuditLog audit = AuditLog.open(journal.file(), Clock.systemUTC());
             Supervisor supervisor = Supervisor.create(site, journal)) {
            supervisor.subscribe(Runnable::run, events::add);
            supervisor.subscribe(auditThread, new AuditRecorder(audit, new Actor("svc", "console")));
            supervisor.start(NodeRedBoxPort.factory(new SecretResolver()));

            PairState s = await(supervisor, "A untrusted", st -> st.condition(BoxId.A) == BoxCondition.MISCONFIGURED
                    && st.mode() == Mode.OPERATOR_NEEDED);
            TimeUnit.SECONDS.sleep(4); // several deadlines more: still nothing may be started
            s = supervisor.inspect(PAIR, v -> v.state()).join();
            assertThat(s.mode()).isEqualTo(Mode.OPERATOR_NEEDED);
            assertThat(NodeRedClient.create(b.endpoint()).flowsState().value()).as("B must not be promoted")
                    .isEqualTo(FlowsState.STOP);
            assertThat(events).noneMatch(e -> e instanceof SupervisorEvent.CommandFinished);

            String expected = "A's certificate changed: presented sha256/" + a.tlsPin() + ", pinned sha256/" + stale
                    + " — not trusted";
            assertThat(events).filteredOn(e -> e instanceof SupervisorEvent.Alarmed)
                    .extracting(e -> ((SupervisorEvent.Alarmed) e).text()).filteredOn(t -> t.contains("certificate"))
                    .singleElement().asString().contains(expected).contains("redpair trust --forget");
            BoxSnapshot boxA = supervisor.snapshot().join().pairs().get(0).boxes().get(BoxId.A);
            assertThat(boxA.detail()).contains("presented sha256/" + a.tlsPin()).contains("not trusted");
            assertThat(supervisor.snapshot().join().pairs().get(0).timeline())
                    .anyMatch(e -> e instanceof SupervisorEvent.Alarmed al && al.text().contains(expected));
            assertThat(journal.events(PAIR, Instant.EPOCH)).filteredOn(e -> e.kind() == JournalEntry.Kind.ALARM)
                    .anyMatch(e -> e.text().contains(expected));
            auditThread.shutdown();
            assertThat(auditThread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(audit.since(Instant.EPOCH)).filteredOn(r -> r.type().equals("alarm"))
                    .extracting(AuditRecord::details).anyMatch(d -> d.contains(expected));
        } finally {
            auditThread.shutdownNow();
        }
    }

    @Test
    void aStagedNextPinIsAcceptedDuringARotation() throws Exception {
        NodeRedProcess a = boxes.start(BoxOptions.defaults().withHttps(true));
        NodeRedProcess b = boxes.start(BoxOptions.defaults().withHttps(true).withBootStopped(true));
        Site site = site(a, b, pin(stalePin(), a.tlsPin()));
        assertThat(site.pair(PAIR).orElseThrow().box(BoxId.A).tlsNextPin()).isEqualTo(a.tlsPin());
        try (Journal journal = Journal.open(dir.resolve("site.json.journal.db"));
             Supervisor supervisor = Supervisor.create(site, journal)) {
            supervisor.subscribe(Runnable::run, events::add);
            supervisor.start(NodeRedBoxPort.factory(new SecretResolver()));
            await(supervisor, "protected by A", st -> st.mode() == Mode.PROTECTED && st.active() == BoxId.A);
            assertThat(events).noneMatch(e -> e instanceof SupervisorEvent.Alarmed);
        }
    }
}
