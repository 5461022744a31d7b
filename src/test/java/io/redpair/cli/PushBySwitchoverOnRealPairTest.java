package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.store.Journal;
import io.redpair.store.JournalEntry;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditRecord;
import io.redpair.testkit.LabSiteFile;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.Observer;
import io.redpair.testkit.ObserverReport;
import io.redpair.testkit.SuperviseProcess;
import io.redpair.testsupport.FakeTerminal;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code redpair push --by-switchover} on a real pair (A running, B a spare booted stopped), watched by the
 * independent {@link Observer} on both canaries: no overlap, the downtime the push reports agrees with what the
 * observer saw, both boxes end on the source's revision and the new flows run on exactly one box (B).
 * Once with no supervisor (the push runs one in-process for the switchover), once with {@code redpair supervise}
 * holding the site (the switchover goes over its control channel).
 */
class PushBySwitchoverOnRealPairTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The observer and the push poll independently (5 and 10 ms), on a loaded 2-core machine. */
    private static final long AGREEMENT_MS = 500;
    /** Longer than the observer's read timeout (2 s): a request lost in A's stopping flows is given up first. */
    private static final Duration END_STATE_WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private NodeRedProcess boxA;
    private NodeRedProcess boxB;
    private NodeRedClient a;
    private NodeRedClient b;
    private Path site;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private void startPair() throws Exception {
        boxA = BOXES.start(BoxOptions.defaults());
        boxB = BOXES.start(BoxOptions.defaults().withBootStopped(true));
        a = NodeRedClient.create(boxA.endpoint());
        b = NodeRedClient.create(boxB.endpoint());
        site = LabSiteFile.write(dir, boxA, boxB, true, 6000);
    }

    @AfterEach
    void closeClients() {
        if (a != null) {
            a.close();
            b.close();
        }
    }

    @Test
    void withoutASupervisorThePushRunsOneForTheSwitchover() throws Exception {
        startPair();
        Instant start = Instant.now();
        String sourceRev;
        JsonNode result;
        ObserverReport seen;
        try (Observer observer = observe()) {
            observer.mark("push");
            assertThat(push()).as(err.toString() + out).isEqualTo(ExitCodes.OK);
            result = JSON.readTree(out.toString()).path("result");
            sourceRev = JSON.readTree(out.toString()).path("rev").asText();
            observer.awaitAnswersSentAfter(System.nanoTime(), END_STATE_WAIT); // the end state, not a hung old request
            seen = observer.report();
        }
        assertSwitchedOverCleanly(result, sourceRev, seen);
        assertRecorded(start, sourceRev);
    }

    @Test
    void withSuperviseHoldingTheSiteTheSwitchoverGoesOverItsControlChannel() throws Exception {
        startPair();
        try (SuperviseProcess supervise = SuperviseProcess.start(site, "supervise.log")) {
            supervise.await("protected by A", SuperviseProcess.state("PROTECTED", "A"), Duration.ofSeconds(60));
            JsonNode result;
            String sourceRev;
            ObserverReport seen;
            try (Observer observer = observe()) {
                assertThat(push()).as(err.toString() + out + supervise.dump()).isEqualTo(ExitCodes.OK);
                result = JSON.readTree(out.toString()).path("result");
                sourceRev = JSON.readTree(out.toString()).path("rev").asText();
                observer.awaitAnswersSentAfter(System.nanoTime(), END_STATE_WAIT);
                seen = observer.report();
            }
            assertSwitchedOverCleanly(result, sourceRev, seen);
            assertThat(result.path("switchover").path("detail").asText()).doesNotContain("one-shot");
            supervise.await("protected by B", SuperviseProcess.state("PROTECTED", "B"), Duration.ofSeconds(30));
            assertThat(supervise.events(SuperviseProcess.command("stop-flows", "A"))).hasSize(1);
        }
    }

    private void assertSwitchedOverCleanly(JsonNode result, String sourceRev, ObserverReport seen) throws Exception {
        assertThat(result.path("completed").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("consistent").asBoolean()).isTrue();
        JsonNode switchover = result.path("switchover");
        assertThat(switchover.path("from").asText()).isEqualTo("A");
        assertThat(switchover.path("to").asText()).isEqualTo("B");
        assertThat(switchover.path("overlapSeen").asBoolean()).isFalse();
        long reported = switchover.path("downtimeMs").asLong(-1);
        long observed = seen.gapMillis("A", "B", seen.marks().isEmpty() ? 0 : seen.marks().get(0).nanos()).orElse(-1);
        System.out.printf("push by switchover: downtime reported %d ms, observer saw %d ms%n", reported, observed);
        assertThat(seen.overlapMillis("A", "B")).isZero();
        assertThat(observed).isPositive();
        assertThat(reported).isPositive().isBetween(observed - AGREEMENT_MS, observed + AGREEMENT_MS);

        assertThat(a.flows().value().rev()).isEqualTo(sourceRev);
        assertThat(b.flows().value().rev()).isEqualTo(sourceRev);
        assertThat(a.flowsState().value()).isEqualTo(FlowsState.STOP);
        assertThat(b.flowsState().value()).isEqualTo(FlowsState.START);
        assertThat(marker(boxA)).isNull();
        assertThat(seen.servingNow("B")).as(() -> "B: " + lastSamples(seen, "B")).isTrue();
        assertThat(seen.servingNow("A")).as(() -> "A's samples: " + lastSamples(seen, "A") + "\nA's log:\n"
                + logOf(boxA)).isFalse();
        assertThat(marker(boxB)).isEqualTo("pushed by switchover");
        assertThat(marker(boxA)).isNull();
    }

    private static String logOf(NodeRedProcess p) {
        try {
            List<String> lines = Files.readAllLines(p.logFile());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Runs of equal statuses with their receive times relative to the last sample: the box's whole story. */
    private static String lastSamples(ObserverReport seen, String box) {
        List<Observer.Sample> all = seen.samples().get(box);
        long end = all.get(all.size() - 1).recvNanos();
        StringBuilder runs = new StringBuilder();
        int i = 0;
        while (i < all.size()) {
            int j = i;
            while (j + 1 < all.size() && all.get(j + 1).status() == all.get(i).status()) {
                j++;
            }
            runs.append(String.format("%d x%d [%d..%d ms] ", all.get(i).status(), j - i + 1,
                    (all.get(i).recvNanos() - end) / 1_000_000, (all.get(j).recvNanos() - end) / 1_000_000));
            i = j + 1;
        }
        return runs + "of " + all.size();
    }

    private void assertRecorded(Instant start, String sourceRev) throws Exception {
        try (Journal journal = Journal.open(Journal.fileFor(site))) {
            List<JournalEntry> entries = journal.events("line1", start);
            assertThat(entries).extracting(JournalEntry::type).contains("push-by-switchover", "push-by-switchover-done");
            assertThat(entries.stream().filter(e -> e.type().equals("push-by-switchover-done")).findFirst().orElseThrow()
                    .text()).contains("measured switchover downtime");
        }
        try (AuditLog audit = AuditLog.openReadOnly(Journal.fileFor(site))) {
            List<AuditRecord> rows = audit.since(start);
            assertThat(rows).extracting(AuditRecord::type).contains("push-by-switchover-started", "switchover-requested",
                    "push-by-switchover");
            AuditRecord done = rows.stream().filter(r -> r.type().equals("push-by-switchover")).findFirst().orElseThrow();
            assertThat(done.result()).isEqualTo("completed");
            assertThat(done.details()).contains(sourceRev).contains("downtimeMs");
            assertThat(audit.verify().ok()).isTrue();
        }
    }

    private int push() throws Exception {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        FakeTerminal terminal = new FakeTerminal(dir);
        CommandLine cl = new CommandLine(new RedPairCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == PushCommand.class ? cls.cast(new PushCommand(terminal)) : CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute("push", "--site", site.toString(), "--pair", "line1", "--from", source().toString(),
                "--by-switchover", "--yes", "--confirm", "line1/B", "--json");
    }

    private Observer observe() {
        return Observer.start(Map.of("A", canary(boxA), "B", canary(boxB)));
    }

    private static URI canary(NodeRedProcess p) {
        return URI.create("http://127.0.0.1:" + p.port() + BoxOptions.CANARY_PATH);
    }

    /** The body of {@code GET /pushed} (served by the pushed flows only), null when not served. */
    private static String marker(NodeRedProcess p) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.port() + "/pushed")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? r.body() : null;
    }

    /** The canary tab plus an endpoint {@code GET /pushed} answering a marker. */
    private Path source() throws Exception {
        ArrayNode flows;
        try (InputStream in = BoxOptions.class.getResourceAsStream("redpair-canary.json")) {
            flows = (ArrayNode) JSON.readTree(in);
        }
        String tab = flows.get(0).path("id").asText();
        flows.add(JSON.readTree("{\"id\":\"pushed-in\",\"type\":\"http in\",\"z\":\"" + tab + "\",\"url\":\"/pushed\","
                + "\"method\":\"get\",\"x\":100,\"y\":400,\"wires\":[[\"pushed-set\"]]}"));
        flows.add(JSON.readTree("{\"id\":\"pushed-set\",\"type\":\"change\",\"z\":\"" + tab + "\",\"rules\":[{\"t\":\"set\","
                + "\"p\":\"payload\",\"pt\":\"msg\",\"to\":\"pushed by switchover\",\"tot\":\"str\"}],\"x\":300,\"y\":400,"
                + "\"wires\":[[\"pushed-out\"]]}"));
        flows.add(JSON.readTree("{\"id\":\"pushed-out\",\"type\":\"http response\",\"z\":\"" + tab + "\",\"x\":500,"
                + "\"y\":400,\"wires\":[]}"));
        return Files.writeString(dir.resolve("source.json"), flows.toString());
    }
}
