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
import io.redpair.nodered.NodeRedEndpoint;
import io.redpair.nodered.Timeouts;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Site;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFile;
import io.redpair.store.SiteFileException;
import io.redpair.supervisor.NodeRedBoxPort;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redpair diff}: what deploying target flows onto a runtime that has the current ones would change, node by
 * node, and the deployment type that does it with the fewest restarts. Two forms, one printer:
 * <ul>
 *   <li>{@code --left SRC --right SRC}: one comparison (left = current, right = target);</li>
 *   <li>{@code --site F --pair ID}: box A against box B (drift), and with {@code --from SRC} each box against the
 *       source (what a push would do to it). Read-only.</li>
 * </ul>
 * Exit 0 when every compared pair of revisions matches, 1 when any differs, 3 for unreadable flows or a bad site
 * file or pair id, 4 when a box or URL cannot be reached.
 */
@Command(name = "diff", description = "Compare flow sets by node id (added, removed, changed, moved): two files or URLs,"
        + " or the two boxes of a pair (and each box against a source).")
public final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Sources sources;

    static final class Sources {
        @ArgGroup(exclusive = false)
        Files files;
        @ArgGroup(exclusive = false)
        SitePair site;
    }

    static final class Files {
        @Option(names = "--left", required = true, paramLabel = "FILE|URL", description = "Current flows (what a box runs).")
        String left;
        @Option(names = "--right", required = true, paramLabel = "FILE|URL", description = "Target flows (what would be deployed).")
        String right;
    }

    static final class SitePair {
        @Option(names = "--site", required = true, paramLabel = "FILE", description = "Site file (JSON).")
        Path site;
        @Option(names = "--pair", required = true, paramLabel = "ID", description = "Pair id in the site file.")
        String pair;
        @Option(names = "--from", paramLabel = "FILE|URL", description = "Source flows to compare each box with.")
        String from;
    }

    @Mixin
    SourceAuthOptions sourceAuth = new SourceAuthOptions();

    @Option(names = "--json", description = "Print the diff as JSON for programs.")
    boolean json;

    /** One comparison: {@code current} is what runs, {@code target} what would be deployed onto it. */
    record Comparison(String title, FlowSet current, FlowSet target) {
    }

    @Override
    public Integer call() throws Exception {
        List<Comparison> comparisons;
        try {
            comparisons = sources.files != null ? List.of(new Comparison("", FlowSources.load(sources.files.left),
                    FlowSources.load(sources.files.right))) : pairComparisons(sources.site);
        } catch (FlowsFormatException | SiteFileException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("redpair: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (FlowSourceException e) {
            spec.commandLine().getErr().println("redpair: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        PrintWriter out = spec.commandLine().getOut();
        ArrayNode jsonOut = LintCommand.JSON.createArrayNode();
        boolean allSame = true;
        for (Comparison c : comparisons) {
            FlowDiff diff = FlowDiffer.diff(c.current(), c.target());
            DeploymentAdvice advice = DeploymentAdvisor.advise(c.current(), c.target(), c.target().credentials().keySet());
            allSame &= diff.sameRevision();
            if (json) {
                jsonOut.add(toJson(diff, advice).put("title", c.title()));
            } else {
                if (!c.title().isEmpty()) {
                    out.println("== " + c.title());
                }
                printHuman(diff, advice, out);
                out.println();
            }
        }
        if (json) {
            out.println(LintCommand.JSON.writeValueAsString(jsonOut.size() == 1 && sources.files != null ? jsonOut.get(0)
                    : LintCommand.JSON.createObjectNode().put("sameRevision", allSame).set("comparisons", jsonOut)));
        }
        out.flush();
        return allSame ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** A against B; with a source, each box against it. Boxes are read with the site's credentials. */
    private List<Comparison> pairComparisons(SitePair args) throws Exception {
        Site site = SiteFile.load(args.site);
        Pair pair = site.pair(args.pair).orElseThrow(() -> new IllegalArgumentException(args.site + ": no pair \""
                + args.pair + "\" (pairs: " + String.join(", ", site.pairs().stream().map(Pair::id).toList()) + ")"));
        SecretResolver secrets = new SecretResolver();
        Map<BoxId, FlowSet> boxes = new EnumMap<>(BoxId.class);
        for (BoxId box : BoxId.values()) {
            NodeRedEndpoint endpoint = NodeRedBoxPort.endpoint(pair, box, secrets).withTimeouts(Timeouts.defaults());
            boxes.put(box, FlowSources.fromNodeRed(endpoint, "box " + box + " (" + pair.box(box).url() + ")"));
        }
        List<Comparison> comparisons = new ArrayList<>();
        comparisons.add(new Comparison("pair " + pair.id() + ": box A against box B (drift)", boxes.get(BoxId.A),
                boxes.get(BoxId.B)));
        if (args.from != null) {
            FlowSet source = FlowSources.load(args.from, sourceAuth.auth(secrets));
            for (BoxId box : BoxId.values()) {
                comparisons.add(new Comparison("pair " + pair.id() + ": box " + box + " against " + source.source(),
                        boxes.get(box), source));
            }
        }
        return comparisons;
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
