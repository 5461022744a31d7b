package io.redpair.cli;

import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.NodeRedEndpoint;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.store.SecretResolver;
import io.redpair.supervisor.CanaryInstaller;
import io.redpair.supervisor.NodeRedBoxPort;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code redpair canary install --site F --pair ID}: deploys the canary tab to both boxes of a pair. */
@Command(name = "canary", description = "Manage the RedPair canary flow on the boxes.",
        subcommands = CanaryCommand.Install.class)
public final class CanaryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "install", description = "Add the canary tab to both boxes' flows (rev-guarded; the spare stays stopped; idempotent).")
    static final class Install implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--site", required = true, description = "Site file (JSON).")
        Path site;

        @Option(names = "--pair", required = true, description = "Pair id.")
        String pairId;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Pair pair = SiteSession.loadPair(site, pairId, err);
            if (pair == null) {
                return ExitCodes.BAD_INPUT;
            }
            if (!pair.hasCanary()) {
                err.println("redpair: pair " + pairId + " has no heartbeatPath in " + site + "; add \"heartbeatPath\": \"/redpair/heartbeat\"");
                return ExitCodes.BAD_INPUT;
            }
            boolean failed = false;
            CanaryInstaller installer = new CanaryInstaller(pair.heartbeatPath());
            for (BoxId box : BoxId.values()) {
                NodeRedEndpoint endpoint;
                try {
                    endpoint = NodeRedBoxPort.endpoint(pair, box, new SecretResolver());
                } catch (IllegalArgumentException e) {
                    err.println("redpair: " + e.getMessage());
                    return ExitCodes.BAD_INPUT;
                }
                try (NodeRedClient client = NodeRedClient.create(endpoint)) {
                    CanaryInstaller.Result r = installer.install(client);
                    out.println(pairId + " " + box + ": " + r.status() + ": " + r.detail());
                    failed |= r.status() == CanaryInstaller.Status.FAILED;
                }
            }
            return failed ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }
}
