package io.redpair.supervisor.fault;

import static io.redpair.supervisor.fault.ActiveFaultTest.protectedBy;
import static io.redpair.supervisor.fault.ActiveFaultTest.runningOn;
import static io.redpair.supervisor.fault.FaultLab.PAIR;
import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.cli.AuditCommandAccess;
import io.redpair.cli.ExitCodes;
import io.redpair.pair.BoxId;
import io.redpair.store.Actor;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditRecord;
import io.redpair.supervisor.AuditRecorder;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import io.redpair.testkit.NodeRedBoxes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's "done when": the audit trail written while real Node-RED boxes fail over verifies, names the
 * operator and the box commands with their replies, and fails verification once a row is tampered with.
 */
class AuditedFailoverTest {

    static final Duration SETTLE = Duration.ofSeconds(30);

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    @Test
    void aFailoverAndAnOperatorRequestAreAuditedAndTamperingIsCaught() throws Exception {
        Path journalFile = dir.resolve("site.json.journal.db");
        ExecutorService auditThread = Executors.newSingleThreadExecutor();
        try (FaultLab lab = FaultLab.start(boxes, dir).observe().supervise();
             AuditLog audit = AuditLog.open(journalFile, Clock.systemUTC())) {
            lab.supervisor.subscribe(auditThread, new AuditRecorder(audit, new Actor("svc", "console")));
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), SETTLE);
            lab.a.kill();
            lab.await("running on B", s -> runningOn(s, BoxId.B), SETTLE);
            ControlResponse r = lab.supervisor.handle(new ControlRequest(null, ControlRequest.MAINTENANCE, PAIR, null,
                    true, 60_000L, null, null, "alice", "eng-1"));
            String expected = r.outcome() == ControlResponse.Outcome.OK ? "accepted" : "refused";
            lab.assertNoDualActive("audited failover");
            auditThread.shutdown();
            assertThat(auditThread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            List<AuditRecord> rows = audit.since(Instant.EPOCH);
            assertThat(rows).extracting(AuditRecord::type).contains("state", "command", "maintenance");
            assertThat(rows).filteredOn(row -> row.type().equals("command") && row.target().equals(PAIR + "/B"))
                    .extracting(AuditRecord::details).anyMatch(d -> d.contains("\"send\":\"start-flows\""));
            assertThat(rows).filteredOn(row -> row.category().equals("OPERATOR"))
                    .extracting(AuditRecord::user, AuditRecord::host, AuditRecord::category, AuditRecord::result)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", "eng-1", "OPERATOR", expected));
            assertThat(audit.verify().ok()).isTrue();
        } finally {
            auditThread.shutdownNow();
        }
        assertThat(AuditCommandAccess.verify(journalFile)).isEqualTo(ExitCodes.OK);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + journalFile); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_no_update");
            s.execute("UPDATE audit SET details = replace(details, 'start-flows', 'noop') WHERE type = 'command'");
        }
        assertThat(AuditCommandAccess.verify(journalFile)).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void operatorRequestsAreRecordedBeforeTheyAreDecidedAndRefusedWithoutATrail() throws Exception {
        Path journalFile = dir.resolve("site.json.journal.db");
        try (FaultLab lab = FaultLab.start(boxes, dir).observe().supervise();
             AuditLog audit = AuditLog.open(journalFile, Clock.systemUTC())) {
            lab.await("protected by A", s -> protectedBy(s, BoxId.A), SETTLE);
            lab.supervisor.recordOperatorRequestsIn(event -> {
                throw new io.redpair.store.audit.AuditUnavailableException("disk full", null);
            });
            ControlResponse refused = lab.supervisor.handle(new ControlRequest(null, ControlRequest.SWITCHOVER, PAIR, "B",
                    null, null, null, null, "alice", "eng-1"));
            assertThat(refused.outcome()).isEqualTo(ControlResponse.Outcome.REFUSED);
            assertThat(refused.message()).contains("audit trail is unavailable").contains("disk full");
            lab.hold("nothing was switched", s -> protectedBy(s, BoxId.A), Duration.ofSeconds(2));

            lab.supervisor.recordOperatorRequestsIn(audit::append);
            ControlResponse accepted = lab.supervisor.handle(new ControlRequest(null, ControlRequest.MAINTENANCE, PAIR,
                    null, true, 60_000L, null, null, "bob", "eng-2"));
            assertThat(accepted.outcome()).as(accepted.message()).isEqualTo(ControlResponse.Outcome.OK);
            List<AuditRecord> rows = audit.since(Instant.EPOCH);
            assertThat(rows).extracting(AuditRecord::type, AuditRecord::user, AuditRecord::result)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("maintenance-requested", "bob", "requested"));
            lab.assertNoDualActive("audit gate");
        }
    }
}
