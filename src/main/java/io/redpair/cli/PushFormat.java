package io.redpair.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.flows.ChangeKind;
import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushResult;
import io.redpair.flows.push.PushStep;
import io.redpair.flows.push.StepResult;
import io.redpair.flows.push.SwitchoverReport;
import io.redpair.pair.BoxId;
import java.util.Map;
import io.redpair.nodered.DeployType;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** How push plans and results are shown: a table for people, JSON for programs. */
final class PushFormat {

    private PushFormat() {
    }

    static void printPlan(PushPlan plan, PrintWriter out) {
        out.printf("Push %s (rev %s), in this order:%n", plan.source().source(), shortRev(plan.source().revision()));
        TextTable table = new TextTable("#", "BOX", "ROLE", "FROM REV", "CHANGES", "DEPLOY", "RESTARTS");
        int i = 1;
        for (PushStep s : plan.steps()) {
            String changes = s.diff().count(ChangeKind.ADDED) + " added, " + s.diff().count(ChangeKind.REMOVED)
                    + " removed, " + s.diff().count(ChangeKind.CHANGED) + " changed";
            table.row(List.of(String.valueOf(i++), s.box().name(), s.role().name().toLowerCase(Locale.ROOT),
                    shortRev(s.fromRev()), changes, s.advice().needed() ? s.advice().type().header() : "none",
                    s.advice().needed() ? String.valueOf(s.advice().restarts().get(s.advice().type())) : "0"),
                    s.advice().needed() ? s.advice().reasons() : List.of("already at the source's revision"));
        }
        table.print(out);
        plan.warnings().forEach(w -> out.println("warning: " + w));
    }

    static void printResult(PushResult result, Map<BoxId, String> boxStates, PrintWriter out) {
        if (result.switchover() == null) {
            result.steps().forEach(r -> out.println(describe(r)));
        } else {
            out.println(describe(result.steps().get(0)));
            out.println(describe(result.switchover()));
            result.steps().stream().skip(1).forEach(r -> out.println(describe(r)));
        }
        out.println(result.summary());
        boxStates.forEach((box, state) -> out.println("Now: box " + box + ": " + state));
        result.nextSteps().forEach(line -> out.println("What to do: " + line));
    }

    static String describe(SwitchoverReport s) {
        String gap = s.shownDowntime().map(d -> "measured downtime " + d.toMillis() + " ms (last canary answer on "
                + s.from() + " to the first on " + s.to() + ")").orElse("downtime not measured");
        return "switchover " + s.from() + " -> " + s.to() + ": " + (s.completed() ? "completed, " + gap
                : "FAILED: " + s.outcome().detail() + "; box " + s.from() + " was not deployed")
                + (s.overlapSeen() ? "; WARNING: both canaries answered at once during it" : "");
    }

    static String describe(StepResult r) {
        return r.describe();
    }

    static ObjectNode toJson(PushPlan plan, PushResult result) {
        return toJson(plan, result, Map.of());
    }

    static ObjectNode toJson(PushPlan plan, PushResult result, Map<BoxId, String> boxStates) {
        ObjectNode root = LintCommand.JSON.createObjectNode();
        root.put("source", plan.source().source()).put("rev", plan.source().revision());
        ArrayNode steps = root.putArray("plan");
        for (PushStep s : plan.steps()) {
            ObjectNode o = steps.addObject().put("box", s.box().name()).put("role", s.role().name().toLowerCase(Locale.ROOT))
                    .put("fromRev", s.fromRev()).put("toRev", s.toRev()).put("needed", s.advice().needed())
                    .put("deployType", s.advice().type().header());
            ObjectNode restarts = o.putObject("restarts");
            s.advice().restarts().forEach((DeployType t, Integer n) -> restarts.put(t.header(), n));
            s.advice().reasons().forEach(o.putArray("reasons")::add);
            ObjectNode changes = o.putObject("changes");
            for (ChangeKind k : ChangeKind.values()) {
                changes.put(k.name().toLowerCase(Locale.ROOT), s.diff().count(k));
            }
        }
        plan.warnings().forEach(root.putArray("warnings")::add);
        if (result != null) {
            ObjectNode r = root.putObject("result").put("completed", result.completed())
                    .put("consistent", result.consistent()).put("summary", result.summary());
            result.steps().forEach(s -> r.withArray("steps").add(describe(s)));
            result.nextSteps().forEach(r.putArray("nextSteps")::add);
            boxStates.forEach((box, state) -> r.with("boxesNow").put(box.name(), state));
            result.switchoverReport().ifPresent(sw -> {
                ObjectNode o = r.putObject("switchover").put("from", sw.from().name()).put("to", sw.to().name())
                        .put("completed", sw.completed()).put("detail", sw.outcome().detail())
                        .put("overlapSeen", sw.overlapSeen());
                sw.shownDowntime().ifPresentOrElse(d -> o.put("downtimeMs", d.toMillis()), () -> o.putNull("downtimeMs"));
            });
        }
        return root;
    }

    static String shortRev(String rev) {
        return rev == null ? "unknown" : rev.substring(0, Math.min(12, rev.length()));
    }
}
