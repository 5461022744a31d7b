package io.redpair.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.flows.ChangeKind;
import io.redpair.flows.DeploymentAdvice;
import io.redpair.flows.DeploymentAdvisor;
import io.redpair.flows.FlowDiff;
import io.redpair.flows.FlowDiffer;
import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSourceException;
import io.redpair.flows.FlowSources;
import io.redpair.flows.FlowsFormatException;
import io.redpair.flows.NodeChange;
import io.redpair.flows.PropertyChange;
import io.redpair.nodered.DeployType;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redpair diff --left SRC --right SRC}: what deploying the right flows onto a runtime that has the left ones
 * would change, node by node, and the deployment type that does it with the fewest restarts.
 *
 * <p>Built as "one comparison of a current and a target flow set": the pair form
 * ({@code --site F --pair ID [--from SRC]}, comparing each box with the source) will add comparisons, not a
 * second printer. Exit 0 when the revisions match, 1 when they differ, 3 for unreadable flows, 4 when a URL
 * cannot be reached.
 */
@Command(name = "diff", description = "Compare two flow sets by node id (added, removed, changed, moved).")
public final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--left", required = true, paramLabel = "FILE|URL", description = "Current flows (what a box runs).")
    String left;

    @Option(names = "--right", required = true, paramLabel = "FILE|URL", description = "Target flows (what would be deployed).")
    String right;

    @Option(names = "--json", description = "Print the diff as JSON for programs.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        FlowSet current;
        FlowSet target;
        try {
            current = FlowSources.load(left);
            target = FlowSources.load(right);
        } catch (FlowsFormatException e) {
            spec.commandLine().getErr().println("redpair: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (FlowSourceException e) {
            spec.commandLine().getErr().println("redpair: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        FlowDiff diff = FlowDiffer.diff(current, target);
        DeploymentAdvice advice = DeploymentAdvisor.advise(current, target, target.credentials().keySet());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(LintCommand.JSON.writeValueAsString(toJson(diff, advice)));
        } else {
            printHuman(diff, advice, out);
        }
        out.flush();
        return diff.sameRevision() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static void printHuman(FlowDiff diff, DeploymentAdvice advice, PrintWriter out) {
        out.printf("left:  %s (rev %s)%nright: %s (rev %s)%n", diff.leftSource(), shortRev(diff.leftRev()),
                diff.rightSource(), shortRev(diff.rightRev()));
        out.printf("%d added, %d removed, %d changed, %d moved%s%n", diff.count(ChangeKind.ADDED),
                diff.count(ChangeKind.REMOVED), diff.count(ChangeKind.CHANGED), diff.count(ChangeKind.MOVED),
                diff.sameRevision() ? " (same revision)" : "");
        if (!diff.changes().isEmpty()) {
            out.println();
            TextTable table = new TextTable("CHANGE", "WHERE", "NODE", "TYPE", "ID", "PROPERTIES");
            for (NodeChange c : diff.changes()) {
                table.row(List.of(label(c.kind()), c.node().container(), c.node().name(), c.node().type(), c.node().id(),
                        String.join(", ", c.propertyNames())), c.properties().stream().map(DiffCommand::describe).toList());
            }
            table.print(out);
        }
        out.println();
        if (!advice.needed()) {
            out.println("Deploy: not needed (" + advice.reasons().get(0) + ").");
            return;
        }
        out.printf("Deploy right onto left with type '%s': %s.%n", advice.type().header(), String.join("; ", advice.reasons()));
        out.printf("Nodes restarted by type: nodes %d, flows %d, full %d.%n", advice.restarts().get(DeployType.NODES),
                advice.restarts().get(DeployType.FLOWS), advice.restarts().get(DeployType.FULL));
    }

    private static String describe(PropertyChange p) {
        return p.property() + ": " + p.before() + " -> " + p.after();
    }

    private static String label(ChangeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String shortRev(String rev) {
        return rev.substring(0, Math.min(12, rev.length()));
    }

    static ObjectNode toJson(FlowDiff diff, DeploymentAdvice advice) {
        ObjectNode root = LintCommand.JSON.createObjectNode();
        root.putObject("left").put("source", diff.leftSource()).put("rev", diff.leftRev());
        root.putObject("right").put("source", diff.rightSource()).put("rev", diff.rightRev());
        root.put("sameRevision", diff.sameRevision());
        ObjectNode summary = root.putObject("summary");
        for (ChangeKind k : ChangeKind.values()) {
            summary.put(label(k), diff.count(k));
        }
        ArrayNode changes = root.putArray("changes");
        for (NodeChange c : diff.changes()) {
            ObjectNode o = changes.addObject().put("kind", label(c.kind())).put("where", c.node().container())
                    .put("name", c.node().name()).put("type", c.node().type()).put("id", c.node().id());
            ArrayNode props = o.putArray("properties");
            c.properties().forEach(p -> props.addObject().put("name", p.property()).put("before", p.before())
                    .put("after", p.after()));
        }
        ObjectNode deploy = root.putObject("deployment").put("needed", advice.needed()).put("type", advice.type().header());
        advice.reasons().forEach(deploy.putArray("reasons")::add);
        ObjectNode restarts = deploy.putObject("restarts");
        advice.restarts().forEach((type, count) -> restarts.put(type.header(), count));
        return root;
    }
}
