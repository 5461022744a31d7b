package io.redpair.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.arbiter.ArbiterLink;
import io.redpair.arbiter.ArbiterLinkOptions;
import io.redpair.arbiter.ArbiterSimulator;
import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.DeviceIdentity;
import io.redpair.arbiter.LinkState;
import io.redpair.arbiter.SerialPortScanner;
import io.redpair.arbiter.SerialTransport;
import io.redpair.arbiter.SocatPty;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.pair.ArbiterConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFile;
import io.redpair.supervisor.NodeRedBoxPort;
import io.redpair.testkit.LabSiteFile;
import io.redpair.testkit.NodeRedBoxes;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commissioning check's arbiter items against the simulator behind a real pty (socat) and two real Node-RED
 * boxes (A runs flows, B is the spare). A good arbiter passes every item and is left exactly as found (DISARMED,
 * no output moved); a wrong serial, a selector on the spare and an empty port each fail with what to do.
 */
class ArbiterCheckPtyTest {

    private static final String SERIAL = "A0042";

    @RegisterExtension
    static final NodeRedBoxes boxes = new NodeRedBoxes();
    static NodeRedProcess a;
    static NodeRedProcess b;

    @TempDir
    Path dir;
    private SocatPty cable;
    private ArbiterSimulator sim;

    @BeforeAll
    static void startBoxes() throws Exception {
        a = boxes.start(BoxOptions.defaults());
        b = boxes.start(BoxOptions.defaults().withBootStopped(true));
    }

    @AfterEach
    void unplug() throws Exception {
        if (sim != null) {
            sim.close();
        }
        if (cable != null) {
            cable.close();
        }
    }

    /** The simulator on a fresh pty, both heartbeat lines alive, outputs on {@code selected} (set by a host). */
    private void plugArbiter(BoxId selected) throws Exception {
        cable = SocatPty.start(dir.resolve("host/ttyArb"), dir.resolve("dev/ttyArb"));
        sim = ArbiterSimulator.start(DeviceIdentity.simulator(SERIAL), dir.resolve("sim.state"),
                SerialTransport.open(cable.deviceEnd.toString()), null);
        sim.heartbeatSource(BoxId.A, () -> true);
        sim.heartbeatSource(BoxId.B, () -> true);
        try (ArbiterLink installer = ArbiterLink.open(new ArbiterLinkOptions(cable.hostEnd.toString(), SERIAL, "installer",
                0, 0, 100), new SerialPortScanner(List.of(), false))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (installer.state() != LinkState.UP) {
                assertThat(System.nanoTime()).as("installer link up").isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(installer.select(selected, 1).get(5, TimeUnit.SECONDS).isDone()).isTrue();
        }
    }

    private CheckReport check(String port, String expectedSerial) throws Exception {
        Pair site = SiteFile.load(LabSiteFile.write(dir, a, b, true)).pair("line1").orElseThrow();
        Pair pair = new Pair(site.id(), site.name(), site.boxes(), site.preferred(), site.heartbeatPath(),
                new ArbiterConfig(port, expectedSerial, 115200), site.policy());
        SecretResolver secrets = new SecretResolver();
        return new CommissioningCheck(box -> NodeRedBoxPort.endpoint(pair, box, secrets),
                new PortArbiterProbe(new SerialPortScanner(List.of(), false), "ws07-check", 3000)).run(pair);
    }

    private static CheckItem item(CheckReport r, String scope, String name) {
        return r.items().stream().filter(i -> i.scope().equals(scope) && i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + scope + "/" + name + " in " + r.items()));
    }

    @Test
    void aGoodArbiterPassesEveryItemAndIsLeftAsFound() throws Exception {
        plugArbiter(BoxId.A);
        long actuations = sim.actuations();
        CheckReport r = check(cable.hostEnd.toString(), SERIAL);
        for (String name : List.of("hello", "serial", "selection", "armable")) {
            assertThat(item(r, "arbiter", name).status()).as(name + ": " + item(r, "arbiter", name)).isEqualTo(CheckStatus.PASS);
        }
        for (String box : List.of("A", "B")) {
            assertThat(item(r, box, "power-sense").status()).isEqualTo(CheckStatus.PASS);
            assertThat(item(r, box, "heartbeat-line").status()).isEqualTo(CheckStatus.PASS);
        }
        assertThat(item(r, "arbiter", "armable").detail()).contains("ARM accepted").contains("DISARM restored");
        assertThat(r.passed()).as(r.items().toString()).isTrue();
        assertThat(sim.armState()).as("the check leaves the device DISARMED").isEqualTo(ArbiterStatus.ArmState.DISARMED);
        assertThat(sim.actuations()).as("no output moved").isEqualTo(actuations);
        assertThat(sim.fenced(BoxId.A) || sim.fenced(BoxId.B)).isFalse();
    }

    /** {@code redpair check}: the arbiter items in --json; while a supervisor holds the site, the arbiter is left to it. */
    @Test
    void theCliAsksTheArbiterOnlyWhenNoSupervisorHoldsTheSite() throws Exception {
        plugArbiter(BoxId.A);
        Path site = LabSiteFile.write(dir, a, b, true);
        java.nio.file.Files.writeString(site, java.nio.file.Files.readString(site).replace("\"preferred\": \"A\",",
                "\"preferred\": \"A\", \"arbiter\": {\"port\": \"" + cable.hostEnd + "\", \"serialNumber\": \"" + SERIAL
                        + "\"},"));
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = io.redpair.cli.RedPairCommand.commandLine().setOut(new java.io.PrintWriter(out))
                .setErr(new java.io.PrintWriter(out)).execute("check", "--site", site.toString(), "--pair", "line1", "--json");
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("\"name\" : \"armable\"").contains("\"name\" : \"heartbeat-line\"");

        try (var held = io.redpair.supervisor.SiteLock.tryAcquire(site).orElseThrow()) {
            java.io.StringWriter out2 = new java.io.StringWriter();
            io.redpair.cli.RedPairCommand.commandLine().setOut(new java.io.PrintWriter(out2))
                    .setErr(new java.io.PrintWriter(out2)).execute("check", "--site", site.toString(), "--pair", "line1");
            assertThat(out2.toString()).contains("MANUAL arbiter").contains("held by a running supervisor")
                    .doesNotContain("armable");
        }
        assertThat(sim.armState()).isEqualTo(ArbiterStatus.ArmState.DISARMED);
    }

    @Test
    void aWrongSerialNumberFailsNamingBoth() throws Exception {
        plugArbiter(BoxId.A);
        CheckItem serial = item(check(cable.hostEnd.toString(), "B0007"), "arbiter", "serial");
        assertThat(serial.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(serial.detail()).contains(SERIAL).contains("B0007");
        assertThat(serial.fix()).contains("serialNumber");
    }

    @Test
    void outputsSelectedForTheSpareFail() throws Exception {
        plugArbiter(BoxId.B);
        CheckReport r = check(cable.hostEnd.toString(), SERIAL);
        CheckItem selection = item(r, "arbiter", "selection");
        assertThat(selection.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(selection.detail()).contains("selected B").contains("A runs flows");
        assertThat(r.passed()).isFalse();
        assertThat(sim.selected()).as("the check never switches").hasToString("B");
    }

    @Test
    void aPortWithNoDeviceFailsHelloAndAsksNothingElse() throws Exception {
        cable = SocatPty.start(dir.resolve("host/ttyArb"), dir.resolve("dev/ttyArb")); // nothing on the other end
        CheckReport r = check(cable.hostEnd.toString(), SERIAL);
        CheckItem hello = item(r, "arbiter", "hello");
        assertThat(hello.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(hello.detail()).contains("no WDA/1 arbiter answered HELLO");
        assertThat(hello.fix()).contains("redpair arbiter ports");
        assertThat(r.items()).noneMatch(i -> i.name().equals("selection") || i.name().equals("armable"));

        CheckItem missing = item(check(dir.resolve("host/ttyNope").toString(), SERIAL), "arbiter", "hello");
        assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(missing.detail()).startsWith("cannot open");
    }
}
