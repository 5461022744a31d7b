package io.redpair.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.pair.Pair;
import io.redpair.pair.Site;
import io.redpair.store.Journal;
import io.redpair.supervisor.SiteLock;
import io.redpair.supervisor.SnapshotJson;
import io.redpair.supervisor.Supervisor;
import io.redpair.supervisor.control.ControlClient;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redpair status --site F [--json]}: asks the running supervisor, or — when none runs — probes the boxes
 * read-only (nothing is decided or changed) and adds what the journal last recorded.
 */
@Command(name = "status", description = "Show each pair's state and box health (works with or without a running supervisor).")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--site", required = true, description = "Site file (JSON).")
    Path site;

    @Option(names = "--json", description = "Print JSON (fields: docs/operations.md).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Site loaded = SiteSession.load(site, err);
        if (loaded == null) {
            return ExitCodes.BAD_INPUT;
        }
        JsonNode status;
        Optional<SiteLock> lock = SiteLock.tryAcquire(site);
        if (lock.isPresent()) {
            lock.get().close(); // nobody supervises; looking needs no lock
            try {
                status = readOnly(loaded);
            } catch (IllegalArgumentException e) {
                err.println("redpair: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        } else {
            try {
                ControlResponse r = ControlClient.forSite(site, Duration.ofSeconds(15))
                        .send(OperatorRequestRunner.request(ControlRequest.STATUS, null, null, null, null, null, null));
                if (r.outcome() != ControlResponse.Outcome.OK) {
                    err.println("redpair: " + r.message());
                    return ExitCodes.FAILED;
                }
                status = r.status();
            } catch (IOException e) {
                err.println("redpair: a supervisor holds " + site + " (pid " + SiteLock.holderOf(site)
                        + ") but its control channel does not answer: " + e.getMessage());
                return ExitCodes.UNREACHABLE;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(status.toPrettyString());
        } else {
            StatusFormat.print(status, out);
        }
        return ExitCodes.OK;
    }

    private ObjectNode readOnly(Site loaded) throws InterruptedException {
        ObjectNode status;
        try (Supervisor observer = Supervisor.start(loaded, null, SiteSession.ports())) {
            SiteSession.awaitAllPairs(observer, v -> v.bothBoxesHeard() && v.factsSettled(), SiteSession.settleTime(loaded));
            status = SnapshotJson.toJson(observer.snapshot().join());
        }
        Path journalFile = Journal.fileFor(site);
        if (Files.exists(journalFile)) {
            try (Journal journal = Journal.open(journalFile)) {
                for (JsonNode p : status.withArray("pairs")) {
                    Pair pair = loaded.pair(p.path("pair").asText()).orElseThrow();
                    var r = journal.reconciliation(pair.id());
                    ((ObjectNode) p).putObject("journal").put("epoch", r.epoch())
                            .put("active", r.activeBox().map(Enum::name).orElse(null));
                }
            }
        }
        return status;
    }
}
