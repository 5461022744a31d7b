package io.redpair.cli;

import io.redpair.arbiter.ArbiterLink;
import io.redpair.arbiter.LinkEvent;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redpair arbiter watch --port P}: prints device events and link changes as they happen, until
 * interrupted (or {@code --for-ms} passes). The link ACKs critical events so the device stops re-sending.
 */
@Command(mixinStandardHelpOptions = true, name = "watch", description = "Print arbiter events as they come (Ctrl-C to stop; never arms).")
public final class ArbiterWatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, description = "Serial port or pty path.")
    String port;

    @Option(names = "--host", description = "Host name sent in HELLO (default: this machine's name + -cli).")
    String host;

    @Option(names = "--for-ms", defaultValue = "0", description = "Stop after this many ms (0 = until interrupted).")
    long forMs;

    @Option(names = "--timeout-ms", defaultValue = "3000", description = "How long to wait for the device at start.")
    long timeoutMs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ArbiterLink link = ArbiterObserver.connect(port, host != null ? host : ArbiterCli.defaultHostName(), timeoutMs,
                e -> print(out, e));
        if (link == null) {
            spec.commandLine().getErr().println("redpair: no WDA/1 arbiter answered HELLO on " + port + " within " + timeoutMs + " ms");
            return ExitCodes.UNREACHABLE;
        }
        try {
            CountDownLatch forever = new CountDownLatch(1);
            if (forMs > 0) {
                forever.await(forMs, TimeUnit.MILLISECONDS);
            } else {
                forever.await();
            }
        } finally {
            link.close();
        }
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, LinkEvent e) {
        if (e instanceof LinkEvent.DeviceEvent d) {
            out.printf("%s event %s%s%n", Instant.now(), d.event(), d.event().critical() ? " (critical, ACKed)" : "");
        } else if (e instanceof LinkEvent.LinkDown down) {
            out.printf("%s link DOWN: %s%n", Instant.now(), down.reason());
        } else if (e instanceof LinkEvent.LinkUp up) {
            out.printf("%s link UP on %s%n", Instant.now(), up.port());
        }
        out.flush();
    }
}
