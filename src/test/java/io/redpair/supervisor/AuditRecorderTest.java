package io.redpair.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxId;
import io.redpair.store.Actor;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditRecord;
import io.redpair.testsupport.ManualClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditRecorderTest {

    static final Instant T = Instant.parse("2026-11-26T04:00:00Z");
    static final Actor SELF = new Actor("svc-redpair", "console-1");

    @TempDir
    Path dir;

    @Test
    void decisionsCommandsAlarmsAndOperatorRequestsBecomeChainedRows() {
        Path file = dir.resolve("site.json.journal.db");
        try (AuditLog log = AuditLog.open(file, new ManualClock(T))) {
            AuditRecorder recorder = new AuditRecorder(log, SELF);
            recorder.accept(new SupervisorEvent.OperatorRequested(T, "line1", "failover", "alice@eng-1", true, "A confirmed off"));
            recorder.accept(new SupervisorEvent.StateChanged(T, "line1", Mode.PROTECTED, Mode.FAILING_OVER, BoxId.A, 4,
                    FailoverStep.STOP_OLD, BoxId.B, "A unreachable"));
            recorder.accept(new SupervisorEvent.CommandFinished(T, "line1", 4, "stop-flows", BoxId.A, false, 2000, "timeout"));
            recorder.accept(new SupervisorEvent.BoxConditionChanged(T, "line1", BoxId.A, null, null, "observation only"));
            recorder.accept(new SupervisorEvent.Noted(T, "line1", 4, "operator-needed", "A hung, not confirmed gone"));
            recorder.accept(new SupervisorEvent.Alarmed(T, "line1", 4, "operator needed"));

            List<AuditRecord> rows = log.since(Instant.EPOCH);
            assertThat(rows).extracting(AuditRecord::type)
                    .containsExactly("failover", "state", "command", "operator-needed", "alarm");
            assertThat(rows.get(0).user()).isEqualTo("alice");
            assertThat(rows.get(0).host()).isEqualTo("eng-1");
            assertThat(rows.get(0).category()).isEqualTo("OPERATOR");
            assertThat(rows.get(0).result()).isEqualTo("accepted");
            assertThat(rows.get(1).category()).isEqualTo("AUTOMATIC");
            assertThat(rows.get(1).user()).isEqualTo("svc-redpair");
            assertThat(rows.get(1).epoch()).isEqualTo(4);
            assertThat(rows.get(2).target()).isEqualTo("line1/A");
            assertThat(rows.get(2).result()).isEqualTo("failed");
            assertThat(rows.get(2).details()).contains("\"send\":\"stop-flows\"").contains("\"reply\":\"timeout\"");
            assertThat(log.verify().ok()).isTrue();
        }
    }

    @Test
    void anUnwritableTrailNeverStopsTheSupervisorsEvents() throws Exception {
        Path file = dir.resolve("j.db");
        try (AuditLog log = AuditLog.open(file, new ManualClock(T))) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
                s.execute("DROP TABLE audit");
            }
            AuditRecorder recorder = new AuditRecorder(log, SELF);
            for (int i = 0; i < 3; i++) {
                recorder.accept(new SupervisorEvent.Alarmed(T, "line1", 1, "x")); // must not throw
            }
        }
    }

    @Test
    void operatorNamesAreSplitAtTheLastAt() {
        assertThat(AuditRecorder.operator("a@b@host")).isEqualTo(new Actor("a@b", "host"));
        assertThat(AuditRecorder.operator("bob")).isEqualTo(new Actor("bob", "unknown"));
        assertThat(AuditRecorder.operator(null)).isEqualTo(new Actor("unknown", "unknown"));
    }
}
