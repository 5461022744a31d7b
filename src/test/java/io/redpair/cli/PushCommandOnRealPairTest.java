package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.redpair.testkit.LargeFlowGenerator;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testsupport.FakeTerminal;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code redpair push} and {@code redpair rollback} on a real pair: A running, B a spare booted stopped. */
class PushCommandOnRealPairTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private NodeRedClient a;
    private NodeRedClient b;
    private Path site;
    private FakeTerminal terminal;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private void startPair(boolean spareStopped) throws Exception {
        NodeRedProcess boxA = BOXES.start(BoxOptions.defaults());
        NodeRedProcess boxB = BOXES.start(BoxOptions.defaults().withBootStopped(spareStopped));
        a = NodeRedClient.create(boxA.endpoint());
        b = NodeRedClient.create(boxB.endpoint());
        site = Files.writeString(dir.resolve("site.json"), "{\"version\":1,\"site\":\"Test\",\"pairs\":[{\"id\":\"line1\","
                + "\"name\":\"Line 1\",\"boxes\":{\"A\":{\"url\":\"" + boxA.adminUrl() + "\",\"auth\":{\"type\":\"none\"}},"
                + "\"B\":{\"url\":\"" + boxB.adminUrl() + "\",\"auth\":{\"type\":\"none\"}}},\"preferred\":\"A\","
                + "\"heartbeatPath\":\"/redpair/heartbeat\",\"policy\":{\"intervalMs\":250,\"missedBeats\":4,"
                + "\"autoFailover\":true,\"holdDownS\":600,\"startupGraceMs\":3000}}]}");
        terminal = new FakeTerminal(dir);
    }

    @AfterEach
    void closeClients() {
        if (a != null) {
            a.close();
            b.close();
        }
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = new CommandLine(new RedPairCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == PushCommand.class) {
                    return cls.cast(new PushCommand(terminal));
                }
                if (cls == RollbackCommand.class) {
                    return cls.cast(new RollbackCommand(terminal));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void dryRunShowsTheSpareFirstAndChangesNothing() throws Exception {
        startPair(true);
        String before = a.flows().value().rev();
        assertThat(run("push", "--site", site.toString(), "--pair", "line1", "--from", source().toString(), "--dry-run"))
                .as(err.toString()).isEqualTo(ExitCodes.OK);
        String text = out.toString();
        assertThat(text.indexOf("1  B    standby")).isPositive().isLessThan(text.indexOf("2  A    active"));
        assertThat(text).contains("Dry run: nothing was changed.").contains("Lint: 0 error");
        assertThat(a.flows().value().rev()).isEqualTo(before);
        assertThat(b.flows().value().rev()).isEqualTo(before);
    }

    @Test
    void pushThenRollbackRestoresBothRevisionsAndJournalsThem() throws Exception {
        startPair(true);
        String before = a.flows().value().rev();
        Instant start = Instant.now();

        assertThat(run("push", "--site", site.toString(), "--pair", "line1", "--from", source().toString(), "--yes"))
                .as(err.toString() + out).isEqualTo(ExitCodes.OK);
        String pushed = a.flows().value().rev();
        assertThat(pushed).isNotEqualTo(before);
        assertThat(b.flows().value().rev()).isEqualTo(pushed);
        assertThat(b.flowsState().value()).isEqualTo(FlowsState.STOP);
        assertThat(out.toString()).contains("Push completed; both boxes carry revision " + pushed.substring(0, 12));
        try (Stream<Path> files = Files.list(dir.resolve("site.json.snapshots").resolve("line1"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(2).allMatch(n -> n.matches(".*-[AB]\\.json"));
        }

        terminal.answers.add("line1");
        assertThat(run("rollback", "--site", site.toString(), "--pair", "line1")).as(err.toString() + out).isEqualTo(ExitCodes.OK);
        assertThat(a.flows().value().rev()).isEqualTo(before);
        assertThat(b.flows().value().rev()).isEqualTo(before);
        assertThat(b.flowsState().value()).isEqualTo(FlowsState.STOP);

        try (Journal journal = Journal.open(Journal.fileFor(site))) {
            List<JournalEntry> entries = journal.events("line1", start);
            assertThat(entries).extracting(JournalEntry::type).containsExactly("push", "push-done", "rollback", "rollback-done");
            assertThat(entries.get(0).text()).contains("rev " + before + " -> " + pushed);
            assertThat(entries.get(2).text()).contains("rev " + pushed + " -> " + before);
        }
        try (AuditLog audit = AuditLog.openReadOnly(Journal.fileFor(site))) {
            List<AuditRecord> rows = audit.since(start);
            assertThat(rows).extracting(AuditRecord::type).containsExactly("push-started", "push", "rollback-started", "rollback");
            assertThat(rows).extracting(AuditRecord::result).containsExactly("started", "completed", "started", "completed");
            assertThat(rows.get(0).details()).contains("\"revBefore\":\"" + before).contains("\"revTarget\":\"" + pushed);
            assertThat(rows.get(1).details()).contains("\"revAfter\":\"" + pushed);
            assertThat(rows.get(3).details()).contains("\"revAfter\":\"" + before);
            assertThat(audit.verify().ok()).isTrue();
        }
    }

    @Test
    void withoutConfirmationNothingIsPushed() throws Exception {
        startPair(true);
        String before = a.flows().value().rev();
        terminal.answers.add("line2");
        assertThat(run("push", "--site", site.toString(), "--pair", "line1", "--from", source().toString()))
                .isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("not confirmed");
        assertThat(a.flows().value().rev()).isEqualTo(before);
        assertThat(b.flows().value().rev()).isEqualTo(before);
    }

    @Test
    void refusesWhenBothBoxesRunFlows() throws Exception {
        startPair(false);
        assertThat(run("push", "--site", site.toString(), "--pair", "line1", "--from", source().toString(), "--yes"))
                .isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("both boxes run flows");
        assertThat(run("rollback", "--site", site.toString(), "--pair", "line1", "--yes")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no complete push snapshot");
    }

    @Test
    void flowsOverNodeRedsBodyLimitStopAtTheSpareAndTheActiveIsUntouched() throws Exception {
        startPair(true);
        String before = a.flows().value().rev();
        Path big = dir.resolve("big.json");
        Files.write(big, JSON.writeValueAsBytes(LargeFlowGenerator.generate(72, 110, 5))); // carries the canary tab
        assertThat(Files.size(big)).as("the test flows must exceed Node-RED's 5 MB apiMaxLength").isGreaterThan(5L << 20);

        assertThat(run("push", "--site", site.toString(), "--pair", "line1", "--from", big.toString(), "--yes"))
                .as(err.toString() + out).isEqualTo(ExitCodes.FAILED);

        assertThat(out.toString()).contains("box B: FAILED: box B: it refused the flows as too large (413 Payload Too Large)")
                .contains("nothing was deployed to it").contains("box A: not attempted")
                .contains("Push stopped; both boxes carry revision " + before.substring(0, 12))
                .contains("Now: box A: rev " + before.substring(0, 12) + ", flows running (active)")
                .contains("Now: box B: rev " + before.substring(0, 12) + ", flows stopped (spare)")
                .contains("What to do: Nothing was changed on any box");
        assertThat(a.flows().value().rev()).isEqualTo(before);
        assertThat(b.flows().value().rev()).isEqualTo(before);
        assertThat(b.flowsState().value()).isEqualTo(FlowsState.STOP);
        assertThat(a.heartbeat(BoxOptions.CANARY_PATH).isOk()).isTrue();
        try (Journal journal = Journal.open(Journal.fileFor(site))) {
            assertThat(journal.events("line1", Instant.EPOCH)).extracting(JournalEntry::type).containsExactly("push", "push-stopped");
        }
    }

    @Test
    void flowsWithoutTheCanaryAreRefusedBeforeAnyDeploy() throws Exception {
        startPair(true);
        String before = a.flows().value().rev();
        Path bare = dir.resolve("bare.json");
        Files.writeString(bare, "[{\"id\":\"t1\",\"type\":\"tab\",\"label\":\"Work\"},"
                + "{\"id\":\"n1\",\"type\":\"comment\",\"z\":\"t1\",\"name\":\"no canary here\",\"wires\":[]}]");

        assertThat(run("push", "--site", site.toString(), "--pair", "line1", "--from", bare.toString(), "--yes"))
                .as(err.toString() + out).isEqualTo(ExitCodes.REFUSED);

        assertThat(err.toString()).contains("not pushed").contains("canary path " + BoxOptions.CANARY_PATH)
                .contains("redpair canary install");
        assertThat(a.flows().value().rev()).isEqualTo(before);
        assertThat(b.flows().value().rev()).isEqualTo(before);
        assertThat(a.heartbeat(BoxOptions.CANARY_PATH).isOk()).isTrue();
    }

    private static ArrayNode canaryTab() throws Exception {
        try (InputStream in = BoxOptions.class.getResourceAsStream("redpair-canary.json")) {
            return (ArrayNode) JSON.readTree(in);
        }
    }

    /** The canary tab (so A keeps its heartbeat) plus one comment node. */
    private Path source() throws Exception {
        ArrayNode flows = canaryTab();
        flows.addObject().put("id", "note").put("type", "comment").put("z", flows.get(0).path("id").asText())
                .put("name", "pushed by the test").put("x", 100).put("y", 300).putArray("wires");
        return Files.writeString(dir.resolve("source.json"), flows.toString());
    }
}
