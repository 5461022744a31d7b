package io.redpair.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.arbiter.PortScanner;
import io.redpair.arbiter.SerialPortScanner;
import io.redpair.check.ArbiterProbe;
import io.redpair.check.CheckItem;
import io.redpair.check.CheckReport;
import io.redpair.check.CommissioningCheck;
import io.redpair.check.PortArbiterProbe;
import io.redpair.pair.Pair;
import io.redpair.store.SecretResolver;
import io.redpair.supervisor.NodeRedBoxPort;
import io.redpair.supervisor.SiteLock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redpair check --site F --pair ID [--json]}: the commissioning checklist of one pair. Moves no output and
 * changes no box; the arbiter is asked over its port only while no supervisor holds the site (ADR 0104).
 * Exit 0 when nothing failed (warnings and manual items included), 1 when an item failed.
 */
@Command(name = "check", description = "Commissioning check of a pair: every item pass/warn/fail/manual with what to do.")
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--site", required = true, paramLabel = "FILE", description = "Site file (JSON).")
    Path site;

    @Option(names = "--pair", required = true, paramLabel = "ID", description = "Pair id.")
    String pairId;

    @Option(names = "--json", description = "Print the checklist as JSON.")
    boolean json;

    /** Where the arbiter's port is opened (tests pass a scanner that never lists real lines). */
    PortScanner arbiterPorts = SerialPortScanner.system();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Pair pair = SiteSession.loadPair(site, pairId, err);
        if (pair == null) {
            return ExitCodes.BAD_INPUT;
        }
        SecretResolver secrets = new SecretResolver();
        CheckReport report;
        // Holding the site lock while the check runs keeps a supervisor from opening the arbiter beside it; when a
        // supervisor already holds the lock, the arbiter's single session is its, and the check does not open one.
        java.util.Optional<SiteLock> lock = SiteLock.tryAcquire(site);
        try {
            ArbiterProbe probe = lock.isPresent() ? new PortArbiterProbe(arbiterPorts,
                    ArbiterCli.defaultHostName().replaceAll("-cli$", "-check"), 3000) : null;
            report = new CommissioningCheck(box -> NodeRedBoxPort.endpoint(pair, box, secrets), probe).run(pair);
        } catch (IllegalArgumentException e) { // an unresolvable secret reference
            err.println("redpair: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } finally {
            if (lock.isPresent()) {
                lock.get().close();
            }
        }
        if (json) {
            out.println(toJson(report).toPrettyString());
        } else {
            print(report, out);
        }
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static void print(CheckReport report, PrintWriter out) {
        out.println("Commissioning check of pair " + report.pairId());
        for (CheckItem i : report.items()) {
            out.printf("  %-6s %-7s %-17s %s%n", i.status(), i.scope(), i.name(), i.detail());
            if (i.fix() != null) {
                out.println("                                   -> " + i.fix());
            }
        }
        out.println(report.passed() ? "Result: no failures (see warnings and manual items above)"
                : "Result: FAILED - fix the items marked FAIL and run the check again");
    }

    static ObjectNode toJson(CheckReport report) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("pair", report.pairId()).put("passed", report.passed());
        ArrayNode items = root.putArray("items");
        for (CheckItem i : report.items()) {
            items.addObject().put("scope", i.scope()).put("name", i.name()).put("status", i.status().name())
                    .put("detail", i.detail()).put("fix", i.fix());
        }
        return root;
    }
}
