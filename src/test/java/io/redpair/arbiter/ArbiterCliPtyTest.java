package io.redpair.arbiter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redpair.cli.ExitCodes;
import io.redpair.cli.RedPairCommand;
import io.redpair.pair.BoxId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code redpair arbiter status|watch} against the simulator over a real socat pty pair. */
class ArbiterCliPtyTest {

    @TempDir
    Path dir;
    SocatPty cable;
    ArbiterSimulator sim;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        cable = SocatPty.start(dir.resolve("console"), dir.resolve("device"));
        sim = ArbiterSimulator.start(DeviceIdentity.simulator("A0042"), dir.resolve("sim.state"),
                SerialTransport.open(cable.deviceEnd.toString()), null);
    }

    @AfterEach
    void tearDown() throws Exception {
        sim.close();
        cable.close();
    }

    private int run(String... args) {
        CommandLine cl = RedPairCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void statusAsJsonReportsTheDeviceAndLeavesItDisarmed() throws Exception {
        sim.setSupply(BoxId.B, false);
        int code = run("arbiter", "status", "--port", cable.hostEnd.toString(), "--json");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/device/serialNumber").asText()).isEqualTo("A0042");
        assertThat(json.at("/status/state").asText()).isEqualTo("DISARMED");
        assertThat(json.at("/status/poweredB").asBoolean()).isFalse();
        assertThat(sim.armState()).isEqualTo(ArbiterStatus.ArmState.DISARMED);
        assertThat(sim.actuations()).isZero();
    }

    @Test
    void statusOfAPortWithoutADeviceIsUnreachable() {
        int code = run("arbiter", "status", "--port", dir.resolve("nothing-here").toString(), "--timeout-ms", "500");
        assertThat(code).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(err.toString()).contains("no WDA/1 arbiter answered HELLO on");
    }

    @Test
    void watchPrintsEventsAsTheyCome() throws Exception {
        Thread injector = new Thread(() -> {
            try {
                Thread.sleep(700);
                sim.setLocal(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        injector.start();
        int code = run("arbiter", "watch", "--port", cable.hostEnd.toString(), "--for-ms", "1500");
        injector.join();
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("link UP on").contains("ModeChanged").contains("local=true");
    }
}
