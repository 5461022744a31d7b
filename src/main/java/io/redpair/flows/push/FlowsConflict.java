package io.redpair.flows.push;

import io.redpair.flows.ChangeKind;
import io.redpair.flows.FlowDiff;
import io.redpair.flows.FlowDiffer;
import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSetLoader;
import io.redpair.flows.FlowsFormatException;
import io.redpair.flows.NodeChange;
import io.redpair.nodered.FlowsDocument;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.Outcome;
import java.util.stream.Collectors;

/**
 * A box answered 409: its flows changed after the plan was made (someone deployed from the editor, another push).
 * Nothing was deployed to it. The box is read again and diffed against what the push would deploy, so the engineer
 * sees what the change behind the plan amounts to before deciding (re-run the push over it, or roll back).
 *
 * @param revNow what the box reports now (null if it could not be read)
 * @param diff   the box now → the push's target, or null if it could not be read
 */
record FlowsConflict(String revNow, FlowDiff diff, String readError) {

    private static final int NAMES_SHOWN = 5;

    static FlowsConflict rediff(PushStep step, NodeRedClient client) {
        Outcome<FlowsDocument> now = PushExecutor.patiently(client::flows);
        if (!(now instanceof Outcome.Ok<FlowsDocument> ok)) {
            return new FlowsConflict(null, null, now.describe());
        }
        try {
            FlowSet current = FlowSetLoader.fromTree("box " + step.box() + " now", ok.value().flows());
            return new FlowsConflict(ok.value().rev(), FlowDiffer.diff(current, step.target()), null);
        } catch (FlowsFormatException e) {
            return new FlowsConflict(ok.value().rev(), null, e.getMessage());
        }
    }

    String describe() {
        String head = "its flows changed since the plan was made (409 version_mismatch); nothing was deployed to it";
        if (diff == null) {
            return head + "; it could not be re-read (" + readError + ")";
        }
        String names = diff.changes().stream().filter(c -> c.kind() != ChangeKind.MOVED).limit(NAMES_SHOWN)
                .map(FlowsConflict::name).collect(Collectors.joining(", "));
        return head + ". Re-diff: it now carries rev " + PushResult.shortRev(revNow) + "; to reach the pushed flows it"
                + " would need " + diff.count(ChangeKind.ADDED) + " added, " + diff.count(ChangeKind.REMOVED) + " removed, "
                + diff.count(ChangeKind.CHANGED) + " changed" + (names.isEmpty() ? "" : " (" + names + ")");
    }

    private static String name(NodeChange c) {
        return c.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + c.node().describe();
    }
}
