package io.redpair.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.arbiter.ArbiterLink;
import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.DeviceInfo;
import io.redpair.pair.BoxId;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redpair arbiter status --port P [--json]}: HELLO and STATUS, printed. Exit 0 when answered,
 * 4 (unreachable) when nothing answered on the port, 1 when the device answered HELLO but not STATUS.
 */
@Command(mixinStandardHelpOptions = true, name = "status", description = "Show the arbiter's identity, outputs, inputs and watchdog (HELLO + STATUS; never arms).")
public final class ArbiterStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, description = "Serial port or pty path, e.g. /dev/ttyACM0.")
    String port;

    @Option(names = "--json", description = "Print JSON: {device:{...}, status:{...}}.")
    boolean json;

    @Option(names = "--host", description = "Host name sent in HELLO (default: this machine's name + -cli).")
    String host;

    @Option(names = "--timeout-ms", defaultValue = "3000", description = "How long to wait for the device (default ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ArbiterLink link = ArbiterObserver.connect(port, host != null ? host : ArbiterCli.defaultHostName(), timeoutMs);
        if (link == null) {
            err.println("redpair: no WDA/1 arbiter answered HELLO on " + port + " within " + timeoutMs
                    + " ms (wrong port, device off, or another host holds it armed: E07)");
            return ExitCodes.UNREACHABLE;
        }
        try {
            DeviceInfo device = link.device().orElseThrow();
            ArbiterStatus status;
            try {
                status = link.status().get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                err.println("redpair: " + port + ": " + e.getCause().getMessage());
                return ExitCodes.FAILED;
            }
            if (json) {
                out.println(toJson(device, status).toPrettyString());
            } else {
                printText(out, device, status);
            }
            return ExitCodes.OK;
        } finally {
            link.close();
        }
    }

    static ObjectNode toJson(DeviceInfo d, ArbiterStatus s) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.set("device", mapper.valueToTree(d));
        root.set("status", mapper.valueToTree(s));
        return root;
    }

    private void printText(PrintWriter out, DeviceInfo d, ArbiterStatus s) {
        out.printf("arbiter   sn=%s fw=%s hw=%s proto=%d boot=%d rst=%s caps=%s%n", d.serialNumber(), d.firmware(),
                d.hardware(), d.protocol(), d.bootCount(), d.resetCause(), d.capabilities());
        out.printf("port      %s%n", port);
        out.printf("state     %s  mode=%s  watchdog left=%s%n", s.state(), s.localMode() ? "LOCAL" : "REMOTE",
                s.watchdogLeftMs() < 0 ? "-" : s.watchdogLeftMs() + " ms");
        out.printf("selector  sel=%s  feedback=%s  epoch=%d%n", s.selected(), s.feedback(), s.epoch());
        for (BoxId b : BoxId.values()) {
            long age = s.heartbeatAgeMs(b);
            out.printf("box %s     power=%s  fenced=%s  heartbeat=%s%n", b, s.powered(b) ? "on" : "OFF",
                    s.fenced(b) ? "YES" : "no", age < 0 ? "never seen" : age + " ms ago");
        }
        out.printf("line      %d rejected frames since boot%n", s.rejectedFrames());
    }
}
