package io.redpair.ui.push;

import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushResult;
import io.redpair.flows.push.PushStep;
import io.redpair.pair.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan in words, for the wizard's plan page and the rollback confirmation: which box first, what each deploy
 * restarts, how the active box is changed, and what the engineer must know about credentials. Pure.
 *
 * @param headline "Push to Press line 1 (line-1): spare B first, then active A" / "Roll back Press line 1 ..."
 * @param steps    one sentence per box, in the order they run
 * @param warnings credential and other warnings, each a full sentence
 */
public record PlanText(String headline, List<String> steps, List<String> warnings) {

    /** How the active box gets the new flows. */
    public enum Method {
        /** Deployed to while it runs, with the least disruptive deployment type. */
        IN_PLACE,
        /** Spare first, planned switchover to it, then the old active (now the spare). */
        BY_SWITCHOVER
    }

    private static final java.util.regex.Pattern PER_BOX = java.util.regex.Pattern.compile("^box (\\w+): (.*)$",
            java.util.regex.Pattern.DOTALL);

    public static final String CREDENTIALS_NOTE = "Credentials: Node-RED never returns them from GET /flows. "
            + "A deploy without credentials keeps those stored on the box; credentials in the source (per node, "
            + "or a v2 credentials map) are pushed with their nodes.";

    public static PlanText of(PushPlan plan, String pairId, String pairName, boolean rollback, Method method) {
        List<String> steps = new ArrayList<>();
        int i = 1;
        for (PushStep s : plan.steps()) {
            steps.add(i++ + ". " + step(s, rollback, method));
        }
        List<String> warnings = mergedPerBox(plan.warnings());
        if (!rollback) {
            warnings.add(CREDENTIALS_NOTE);
        }
        String order = String.join(", then ", plan.steps().stream()
                .map(s -> roleWord(s.role()) + " " + s.box()).toList());
        String verb = rollback ? "Roll back " : "Push to ";
        return new PlanText(verb + pairName + " (" + pairId + "): " + order, steps, warnings);
    }

    private static String step(PushStep s, boolean rollback, Method method) {
        String box = "Box " + s.box() + " (" + roleWord(s.role()) + ")";
        if (!s.advice().needed()) {
            return box + ": nothing to deploy, it already has rev " + PushResult.shortRev(s.toRev()) + ".";
        }
        String target = rollback ? "back to rev " + PushResult.shortRev(s.toRev()) + ", the flows it had before the last push"
                : "rev " + PushResult.shortRev(s.fromRev()) + " → " + PushResult.shortRev(s.toRev());
        String deploy = "\"" + s.advice().type().header() + "\" deploy restarting "
                + s.advice().restarts().get(s.advice().type()) + " node(s)";
        if (s.role() != Role.ACTIVE) {
            return box + ": " + target + "; " + deploy + "; its flows stay stopped and the new revision is verified.";
        }
        if (method == Method.BY_SWITCHOVER) {
            return box + ": " + target + " after a planned switchover to the spare (a short gap with no box running "
                    + "flows, measured); then deployed while stopped.";
        }
        return box + ": " + target + " in place while it runs; " + deploy + ", the other nodes keep running.";
    }

    /** "box B: X" and "box A: X" (the same new node on both boxes) become "boxes B and A: X". */
    static List<String> mergedPerBox(List<String> warnings) {
        java.util.Map<String, List<String>> boxesByText = new java.util.LinkedHashMap<>();
        for (String w : warnings) {
            java.util.regex.Matcher m = PER_BOX.matcher(w);
            String box = m.matches() ? m.group(1) : "";
            String text = m.matches() ? m.group(2) : w;
            boxesByText.computeIfAbsent(text, t -> new ArrayList<>()).add(box);
        }
        List<String> out = new ArrayList<>();
        boxesByText.forEach((text, boxes) -> out.add(boxes.contains("") ? text
                : (boxes.size() == 1 ? "box " : "boxes ") + String.join(" and ", boxes.stream().sorted().toList())
                + ": " + text));
        return out;
    }

    static String roleWord(Role role) {
        return role == Role.ACTIVE ? "active" : role == Role.STANDBY ? "spare" : "role unknown";
    }
}
