package io.redpair.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSourceException;
import io.redpair.flows.FlowSources;
import io.redpair.flows.FlowsFormatException;
import io.redpair.flows.lint.ContextStores;
import io.redpair.flows.lint.Finding;
import io.redpair.flows.lint.FlowLinter;
import io.redpair.flows.lint.LintReport;
import io.redpair.flows.lint.Severity;
import io.redpair.store.SecretResolver;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redpair lint --flows F}: the HA-readiness lint. Exit 0 without errors, 1 with errors (warnings do not
 * fail it: they describe what a takeover costs, which the engineer may accept), 3 for unreadable flows,
 * 4 when a URL source cannot be reached.
 */
@Command(name = "lint", description = "Check flows for what a takeover would lose or repeat (HA readiness).")
public final class LintCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--flows", required = true, paramLabel = "FILE|URL",
            description = "Flows export (array or {flows,rev}) or the admin URL of a Node-RED.")
    String flows;

    @Mixin
    SourceAuthOptions sourceAuth = new SourceAuthOptions();

    @Option(names = "--json", description = "Print the findings as JSON for programs.")
    boolean json;

    @Option(names = "--context-store", paramLabel = "NAME=MODULE",
            description = "A context store of the boxes, as in settings.js contextStorage (repeat; e.g. "
                    + "default=memory file=localfilesystem). Without it the store setup is reported as unknown.")
    Map<String, String> contextStores = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        FlowSet set;
        try {
            set = FlowSources.load(flows, sourceAuth.auth(new SecretResolver()));
        } catch (FlowsFormatException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("redpair: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (FlowSourceException e) {
            spec.commandLine().getErr().println("redpair: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        ContextStores stores = contextStores.isEmpty() ? ContextStores.unknown() : ContextStores.of(contextStores);
        LintReport report = FlowLinter.lint(set, stores);
        if (json) {
            out.println(JSON.writeValueAsString(toJson(report)));
        } else {
            printHuman(report, out);
        }
        out.flush();
        return report.hasErrors() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static void printHuman(LintReport report, PrintWriter out) {
        out.printf("%s (rev %s, %d findings: %d error, %d warning, %d info)%n", report.source(),
                report.revision().substring(0, 12), report.findings().size(), report.count(Severity.ERROR),
                report.count(Severity.WARNING), report.count(Severity.INFO));
        if (!report.stores().known()) {
            out.println("Context stores: not given (--context-store); Node-RED's default memory store assumed.");
        }
        if (report.findings().isEmpty()) {
            out.println("No findings.");
            return;
        }
        out.println();
        TextTable table = new TextTable("SEVERITY", "RULE", "WHERE", "NODE", "TYPE", "ID");
        for (Finding f : report.findings()) {
            table.row(List.of(f.severity().label(), f.rule(), f.node().container(), f.node().name(), f.node().type(),
                    f.node().id()), List.of(f.problem(), "why: " + f.why(), "do:  " + f.action(), ""));
        }
        table.print(out);
    }

    static ObjectNode toJson(LintReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", report.source()).put("revision", report.revision());
        ObjectNode stores = root.putObject("contextStores").put("known", report.stores().known());
        report.stores().modules().forEach(stores.putObject("stores")::put);
        ObjectNode summary = root.putObject("summary");
        for (Severity s : Severity.values()) {
            summary.put(s.label(), report.count(s));
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            findings.addObject().put("rule", f.rule()).put("severity", f.severity().label())
                    .put("where", f.node().container()).put("name", f.node().name()).put("type", f.node().type())
                    .put("id", f.node().id()).put("line", f.node().line())
                    .put("problem", f.problem()).put("why", f.why()).put("action", f.action());
        }
        return root;
    }
}
