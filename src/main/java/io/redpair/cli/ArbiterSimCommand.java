package io.redpair.cli;

import io.redpair.arbiter.ArbiterSimulator;
import io.redpair.arbiter.DeviceIdentity;
import io.redpair.arbiter.SerialTransport;
import io.redpair.pair.BoxId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redpair arbiter-sim --port P}: the device simulator on a serial port or pty, for labs and demos.
 * Fault controls are typed on stdin (see {@link SimControls}); with stdin closed it just runs until killed.
 * If the line vanishes (socat restarted) it reopens the same path.
 */
@Command(mixinStandardHelpOptions = true, name = "arbiter-sim", description = "Run the WDA/1 arbiter simulator on a serial port or pty (device side).")
public final class ArbiterSimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, description = "Device end of the line, e.g. the second socat pty.")
    String port;

    @Option(names = "--state-file", description = "Where the device keeps epoch, selector, fences and boot count (default: in memory).")
    Path stateFile;

    @Option(names = "--sn", defaultValue = "A0042", description = "Serial number reported in HELLO (default ${DEFAULT-VALUE}).")
    String serialNumber;

    @Option(names = "--beat", split = ",", description = "Boxes whose heartbeat input is always alive, e.g. --beat A,B.")
    List<BoxId> beating = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!serialNumber.matches("[A-Za-z0-9._/:+-]{1,32}")) {
            err.println("redpair: --sn '" + serialNumber + "' must be 1-32 of [A-Za-z0-9._/:+-]");
            return ExitCodes.USAGE;
        }
        ArbiterSimulator sim;
        try {
            sim = ArbiterSimulator.start(DeviceIdentity.simulator(serialNumber), stateFile, SerialTransport.open(port),
                    () -> SerialTransport.open(port));
        } catch (IOException e) {
            err.println("redpair: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        beating.forEach(b -> sim.heartbeatSource(b, () -> true));
        out.printf("arbiter simulator sn=%s on %s (state %s); type 'help' for fault controls%n", serialNumber, port,
                stateFile == null ? "in memory" : stateFile);
        out.flush();
        try (sim) {
            SimControls controls = new SimControls(sim, out);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (!controls.run(line.trim())) {
                    return ExitCodes.OK;
                }
            }
            new CountDownLatch(1).await(); // stdin closed: keep simulating until killed
        }
        return ExitCodes.OK;
    }
}
