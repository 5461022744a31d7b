package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.store.Actor;
import io.redpair.store.Journal;
import io.redpair.store.audit.AuditCategory;
import io.redpair.store.audit.AuditEvent;
import io.redpair.store.audit.AuditLog;
import io.redpair.testsupport.ManualClock;
import io.redpair.testsupport.TestSecrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path site;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void writeTrail() {
        site = dir.resolve("hall-b.json");
        ManualClock clock = new ManualClock(Instant.parse("2026-10-31T23:59:00Z"));
        try (AuditLog log = AuditLog.open(Journal.fileFor(site), clock)) {
            for (String type : List.of("switchover", "failover", "maintenance-on")) {
                ObjectNode details = JSON.createObjectNode().put("note", "said \"stop\", then, waited\nnewline");
                log.append(new AuditEvent(new Actor("bob", "hmi-1"), AuditCategory.OPERATOR, type, "line1/A", "ok", 3, details));
                clock.advance(Duration.ofMinutes(1));
            }
        }
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = new CommandLine(new AuditCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void verifyPassesThenFailsNamingTheTamperedRow() throws Exception {
        assertThat(run("verify", "--site", site.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("audit chain ok: 3 rows");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Journal.fileFor(site));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_no_update");
            s.execute("UPDATE audit SET user='mallory' WHERE seq=2");
        }
        assertThat(run("verify", "--journal", Journal.fileFor(site).toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("BROKEN at row seq 2");
    }

    @Test
    void aRecordedHeadDetectsATruncatedTail() throws Exception {
        assertThat(run("verify", "--site", site.toString())).isEqualTo(ExitCodes.OK);
        String head = out.toString().replaceAll("(?s).*head (\\d+:[0-9a-f]{64}).*", "$1").trim();
        assertThat(head).startsWith("3:");
        assertThat(run("verify", "--site", site.toString(), "--expect-head", head.substring(0, 10))).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("is still in the chain");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Journal.fileFor(site));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_no_delete");
            s.execute("DELETE FROM audit WHERE seq = 3");
        }
        assertThat(run("verify", "--site", site.toString())).as("the chain alone cannot tell").isEqualTo(ExitCodes.OK);
        assertThat(run("verify", "--site", site.toString(), "--expect-head", head)).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("row 3 of the recorded head is gone: the trail was truncated");
        assertThat(run("verify", "--site", site.toString(), "--expect-head", "2:00000000")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("rewritten");
        assertThat(run("verify", "--site", site.toString(), "--expect-head", "x:1")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("verify", "--site", site.toString(), "--expect-head", "2:abc")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void exportsJsonLinesSinceATime() throws Exception {
        assertThat(run("export", "--site", site.toString(), "--since", "2026-11-01T00:00Z")).isEqualTo(ExitCodes.OK);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(first.get("seq").asLong()).isEqualTo(2);
        assertThat(first.get("type").asText()).isEqualTo("failover");
        assertThat(first.get("ts").asText()).isEqualTo("2026-11-01T00:00:00.000Z");
        assertThat(first.get("details").get("note").asText()).contains("\"stop\"");
        assertThat(first.get("hash").asText()).hasSize(64);
    }

    @Test
    void exportsCsvToAFileWithQuotedFields() throws Exception {
        Path csv = dir.resolve("audit.csv");
        assertThat(run("export", "--site", site.toString(), "--since", "2026-10-01", "--format", "CSV",
                "--output", csv.toString())).isEqualTo(ExitCodes.OK);
        String text = Files.readString(csv);
        assertThat(text).startsWith("seq,ts,host,user,category,type,target,result,epoch,details,prev_hash,hash\r\n");
        assertThat(text.split("\r\n")).hasSize(4);
        assertThat(text).contains("\"{\"\"note\"\":\"\"said \\\"\"stop\\\"\", then, waited\\nnewline\"\"}\"");
    }

    /** Kept under target/ on purpose: ZzSecretScanTest scans these exports for the test secrets. */
    @Test
    void exportsOfRowsThatCarriedCredentialsHoldNone() throws Exception {
        ObjectNode details = JSON.createObjectNode();
        details.putArray("commands").addObject().put("send", "POST /auth/token")
                .put("password", TestSecrets.BOX_PASSWORD).putObject("reply").put("access_token", TestSecrets.TOKEN);
        try (AuditLog log = AuditLog.open(Journal.fileFor(site), java.time.Clock.systemUTC())) {
            log.append(new AuditEvent(new Actor("bob", "hmi-1"), AuditCategory.OPERATOR, "login", "line1/A", "ok", 0, details));
        }
        Path exports = Files.createDirectories(Path.of(System.getProperty("redpair.project.dir", "."),
                "target", "test-exports"));
        for (String format : List.of("csv", "jsonl")) {
            Path file = exports.resolve("audit-with-credentials." + format);
            assertThat(run("export", "--site", site.toString(), "--since", "2026-01-01", "--format", format,
                    "--output", file.toString())).isEqualTo(ExitCodes.OK);
            assertThat(Files.readString(file)).contains("[redacted]").contains("POST /auth/token")
                    .doesNotContain(TestSecrets.BOX_PASSWORD).doesNotContain(TestSecrets.TOKEN);
        }
    }

    @Test
    void missingJournalAndBadArgumentsAreClearErrors() {
        assertThat(run("verify", "--site", dir.resolve("nope.json").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no journal at");
        assertThat(dir.resolve("nope.json.journal.db")).doesNotExist();
        assertThat(run("export", "--site", site.toString(), "--since", "yesterday")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("not an ISO-8601 time");
        assertThat(run("export", "--site", site.toString(), "--since", "2026-11-01", "--format", "xml"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("verify")).isEqualTo(ExitCodes.USAGE);
    }
}
