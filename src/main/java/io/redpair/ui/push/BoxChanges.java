package io.redpair.ui.push;

import io.redpair.flows.ChangeKind;
import io.redpair.flows.NodeChange;
import io.redpair.flows.PropertyChange;
import io.redpair.flows.push.PushResult;
import io.redpair.flows.push.PushStep;
import io.redpair.pair.BoxId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a push changes on one box, grouped by tab (or subflow; "global" for config nodes) in the order the
 * source lists them, for the wizard's "changes per box" page. Pure.
 *
 * @param title   "Box B (spare) — rev 1a2b3c4d5e6f → 9f8e7d6c5b4a"
 * @param summary "3 added, 1 removed, 2 changed, 4 moved" or "No change: already at the source's revision"
 */
public record BoxChanges(BoxId box, String title, String summary, List<TabGroup> groups) {

    /** The changes on one tab. */
    public record TabGroup(String tab, List<Row> rows) {
    }

    /**
     * One changed node.
     *
     * @param change     "added", "removed", "changed", "moved"
     * @param properties the changed property names with before → after, "; "-separated ("" when added/removed)
     */
    public record Row(String change, String node, String type, String id, String properties) {
    }

    public static List<BoxChanges> of(List<PushStep> steps) {
        return steps.stream().map(BoxChanges::of).toList();
    }

    static BoxChanges of(PushStep step) {
        Map<String, List<Row>> byTab = new LinkedHashMap<>();
        for (NodeChange c : step.diff().changes()) {
            String tab = c.node().container().isEmpty() ? c.node().name() : c.node().container();
            byTab.computeIfAbsent(tab, t -> new ArrayList<>()).add(new Row(c.kind().name().toLowerCase(Locale.ROOT),
                    c.node().name(), c.node().type(), c.node().id(), properties(c)));
        }
        List<TabGroup> groups = byTab.entrySet().stream().map(e -> new TabGroup(e.getKey(), e.getValue())).toList();
        String title = "Box " + step.box() + " (" + PlanText.roleWord(step.role()) + ") — rev "
                + PushResult.shortRev(step.fromRev()) + " → " + PushResult.shortRev(step.toRev());
        return new BoxChanges(step.box(), title, summary(step), groups);
    }

    private static String summary(PushStep step) {
        if (!step.advice().needed()) {
            return "No change: already at the source's revision";
        }
        List<String> parts = new ArrayList<>();
        for (ChangeKind k : ChangeKind.values()) {
            long n = step.diff().count(k);
            if (n > 0) {
                parts.add(n + " " + k.name().toLowerCase(Locale.ROOT));
            }
        }
        return parts.isEmpty() ? "Same nodes; only their order differs" : String.join(", ", parts);
    }

    private static String properties(NodeChange c) {
        return c.properties().stream().map(BoxChanges::describe).collect(Collectors.joining("; "));
    }

    private static String describe(PropertyChange p) {
        return p.property() + ": " + p.before() + " → " + p.after();
    }
}
