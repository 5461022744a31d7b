package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.pair.BoxId;
import io.redpair.store.Journal;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditRecord;
import io.redpair.store.trust.Fingerprints;
import io.redpair.store.trust.PinFile;
import io.redpair.store.trust.Pins;
import io.redpair.testsupport.FakeTerminal;
import io.redpair.testsupport.LocalTlsServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** First-use trust, refusal of a changed key, rotation and forget, against real TLS servers on loopback. */
class TrustCommandTest {

    @TempDir
    static Path keys;
    static LocalTlsServer boxKey;
    static LocalTlsServer otherKey;

    @TempDir
    Path dir;
    final AtomicReference<URI> boxUrl = new AtomicReference<>();
    final FakeTerminal terminal = new FakeTerminal(Path.of("/nonexistent"));
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void startServers() throws Exception {
        boxKey = LocalTlsServer.start(keys, "box-a.line1");
        otherKey = LocalTlsServer.start(keys, "imposter");
    }

    @AfterAll
    static void stopServers() throws Exception {
        boxKey.close();
        otherKey.close();
    }

    private Path site() {
        return dir.resolve("hall-b.json");
    }

    private int trust(String... extra) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = new CommandLine(new TrustCommand(terminal, (site, pair, box) -> boxUrl.get(), Clock.systemUTC()));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"--site", site().toString(), "--pair", "line1", "--box", "A"}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        return cl.execute(args);
    }

    private Pins pins() throws Exception {
        return PinFile.load(PinFile.fileFor(site()));
    }

    private List<AuditRecord> auditRows() {
        try (AuditLog log = AuditLog.openReadOnly(Journal.fileFor(site()))) {
            assertThat(log.verify().ok()).isTrue();
            return log.since(Instant.EPOCH);
        }
    }

    @Test
    void firstUseShowsTheKeyAndPinsItOnlyAfterTypedConfirmation() throws Exception {
        boxUrl.set(boxKey.url());
        terminal.answers.add("yes please");
        assertThat(trust()).as("%s", err).isEqualTo(ExitCodes.REFUSED);
        assertThat(out.toString()).contains("subject:     CN=box-a.line1").contains("valid:")
                .contains("SPKI SHA-256 " + Fingerprints.hex(boxKey.spkiPin())).contains("(self-signed)");
        assertThat(err.toString()).contains("not confirmed");
        assertThat(PinFile.fileFor(site())).doesNotExist();

        terminal.answers.add(Fingerprints.hex(boxKey.spkiPin()).substring(0, 11).toLowerCase()); // "ab:cd:ef:01"
        assertThat(trust()).isEqualTo(ExitCodes.OK);
        assertThat(pins().get("line1", BoxId.A).orElseThrow().current()).isEqualTo(boxKey.spkiPin());
        assertThat(pins().get("line1", BoxId.A).orElseThrow().subject()).isEqualTo("CN=box-a.line1");

        assertThat(trust()).as("no prompt the second time").isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("already trusted");
        assertThat(auditRows()).extracting(AuditRecord::type).containsExactly("pin-confirmed");
    }

    @Test
    void changedKeyIsRefusedReportedAndAuditedNeverRetrusted() throws Exception {
        boxUrl.set(boxKey.url());
        assertThat(trust("--fingerprint", "yes")).as("%s", err).isEqualTo(ExitCodes.OK);
        byte[] pinned = Files.readAllBytes(PinFile.fileFor(site()));

        boxUrl.set(otherKey.url());
        assertThat(trust("--fingerprint", "yes")).isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("DIFFERENT key").contains(Fingerprints.hex(boxKey.spkiPin()))
                .contains(Fingerprints.hex(otherKey.spkiPin())).contains("--forget");
        assertThat(Files.readAllBytes(PinFile.fileFor(site()))).isEqualTo(pinned);
        AuditRecord refusal = auditRows().get(1);
        assertThat(refusal.type()).isEqualTo("certificate-changed");
        assertThat(refusal.result()).isEqualTo("refused");
        assertThat(refusal.details()).contains(otherKey.spkiPin());
    }

    @Test
    void stagedNextKeyIsAcceptedAfterConfirmationAndBecomesCurrent() throws Exception {
        boxUrl.set(boxKey.url());
        assertThat(trust("--fingerprint", "yes")).as("%s", err).isEqualTo(ExitCodes.OK);
        terminal.answers.add("00000000");
        assertThat(trust("--next-pin", "sha256/" + otherKey.spkiPin())).isEqualTo(ExitCodes.REFUSED);
        terminal.answers.add(Fingerprints.shortHex(otherKey.spkiPin()));
        assertThat(trust("--next-pin", "sha256/" + otherKey.spkiPin())).isEqualTo(ExitCodes.OK);
        assertThat(pins().get("line1", BoxId.A).orElseThrow().accepted()).containsExactly(boxKey.spkiPin(), otherKey.spkiPin());

        boxUrl.set(otherKey.url());
        assertThat(trust("--fingerprint", Fingerprints.shortHex(otherKey.spkiPin()))).isEqualTo(ExitCodes.OK);
        assertThat(pins().get("line1", BoxId.A).orElseThrow().accepted()).containsExactly(otherKey.spkiPin());
        assertThat(auditRows()).extracting(AuditRecord::type).containsExactly("pin-confirmed", "pin-next-staged", "pin-rotated");
    }

    @Test
    void forgetNeedsTheTargetTypedThenTheNewKeyGoesThroughFirstUse() throws Exception {
        boxUrl.set(boxKey.url());
        assertThat(trust("--fingerprint", "yes")).as("%s", err).isEqualTo(ExitCodes.OK);
        terminal.answers.add("yes");
        assertThat(trust("--forget")).isEqualTo(ExitCodes.REFUSED);
        terminal.answers.add("line1/A");
        assertThat(trust("--forget")).isEqualTo(ExitCodes.OK);
        assertThat(pins().get("line1", BoxId.A)).isEmpty();
        assertThat(Files.exists(PinFile.fileFor(site()).resolveSibling(PinFile.fileFor(site()).getFileName() + ".bak"))).isTrue();
        boxUrl.set(otherKey.url());
        assertThat(trust("--fingerprint", "yes")).as("%s", err).isEqualTo(ExitCodes.OK);
        assertThat(pins().get("line1", BoxId.A).orElseThrow().current()).isEqualTo(otherKey.spkiPin());
    }

    @Test
    void unencryptedAndUnreachableBoxesAreReportedNotPinned() throws Exception {
        boxUrl.set(URI.create("http://127.0.0.1:1880/"));
        assertThat(trust("--fingerprint", "yes")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("unencrypted");
        try (var closed = new java.net.ServerSocket(0)) {
            boxUrl.set(URI.create("https://127.0.0.1:" + closed.getLocalPort() + "/"));
        }
        assertThat(trust("--fingerprint", "yes")).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(PinFile.fileFor(site())).doesNotExist();
    }

    @Test
    void readsTheBoxUrlFromARealSiteFile() throws Exception {
        Files.writeString(site(), """
                {"version": 1, "site": "Hall B", "pairs": [{"id": "line1", "name": "Line 1",
                  "boxes": {"A": {"url": "%s", "auth": {"type": "none"}},
                            "B": {"url": "http://127.0.0.1:1", "auth": {"type": "none"}}},
                  "preferred": "A",
                  "policy": {"intervalMs": 250, "missedBeats": 4, "autoFailover": true, "holdDownS": 600,
                             "startupGraceMs": 3000}}]}
                """.formatted(boxKey.url()));
        CommandLine cl = new CommandLine(new TrustCommand(terminal, TrustCommand::urlFromSiteFile, Clock.systemUTC()));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String s = site().toString();
        assertThat(cl.execute("--site", s, "--pair", "line1", "--box", "A", "--fingerprint", "yes"))
                .as("%s", err).isEqualTo(ExitCodes.OK);
        assertThat(pins().get("line1", BoxId.A).orElseThrow().current()).isEqualTo(boxKey.spkiPin());
        assertThat(cl.execute("--site", s, "--pair", "line9", "--box", "A", "--fingerprint", "yes")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no pair with id 'line9'");
        Files.writeString(site(), "{\"version\": 1, \"site\": \"x\", \"pairs\": [");
        assertThat(cl.execute("--site", s, "--pair", "line1", "--box", "A", "--fingerprint", "yes")).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void withoutAnAuditTrailNothingIsTrusted() throws Exception {
        Files.createDirectories(Journal.fileFor(site())); // a directory where the journal should be
        boxUrl.set(boxKey.url());
        assertThat(trust("--fingerprint", "yes")).isEqualTo(ExitCodes.REFUSED);
        assertThat(err.toString()).contains("audit trail is unavailable");
        assertThat(PinFile.fileFor(site())).doesNotExist();
    }
}
