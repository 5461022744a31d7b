package io.redpair.check;

import io.redpair.nodered.FlowsState;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Items that compare the boxes: same version, same flows, exactly one active, spare stopped, canary answers. */
final class PairRules {

    private PairRules() {
    }

    static List<CheckItem> judge(Pair pair, Map<BoxId, BoxFacts> f) {
        List<CheckItem> items = new ArrayList<>();
        String va = f.get(BoxId.A).settings().value().version();
        String vb = f.get(BoxId.B).settings().value().version();
        items.add(va.equals(vb) ? CheckItem.pass("pair", "same-version", "both Node-RED " + va)
                : CheckItem.warn("pair", "same-version", "A runs " + va + ", B runs " + vb,
                "Install the same Node-RED version on both boxes, so a failover does not change behaviour"));
        items.add(flows(f));
        boolean a = f.get(BoxId.A).runsFlows();
        boolean b = f.get(BoxId.B).runsFlows();
        if (a && b) {
            items.add(CheckItem.fail("pair", "spare-stopped", "both boxes run flows: both act on the plant",
                    "Stop the flows on the box that should be the spare (Node-RED editor or 'redpair switchover'),"
                            + " and install the boot guard so a reboot does not start them again"));
        } else if (!a && !b) {
            items.add(CheckItem.warn("pair", "spare-stopped", "no box runs flows",
                    "Start 'redpair supervise': it starts the preferred box " + pair.preferred()));
        } else {
            BoxId active = a ? BoxId.A : BoxId.B;
            BoxFacts spare = f.get(active.other());
            items.add(spare.state().isOk() && spare.state().value() == FlowsState.STOP
                    ? CheckItem.pass("pair", "spare-stopped", active + " runs flows, " + active.other() + " is stopped")
                    : CheckItem.fail("pair", "spare-stopped", active.other() + " state: " + CommissioningCheck.why(spare.state()),
                    "Stop the flows on " + active.other()));
            if (pair.hasCanary()) {
                var hb = f.get(active).heartbeat();
                items.add(hb.isOk() ? CheckItem.pass("pair", "canary-answers", "the canary on " + active + " answers ("
                                + hb.latencyMillis() + " ms)")
                        : CheckItem.fail("pair", "canary-answers", "the canary on active " + active + ": " + hb.describe(),
                        "Check httpNodeRoot and the heartbeat path " + pair.heartbeatPath() + "; reinstall the canary"));
            }
        }
        return items;
    }

    private static CheckItem flows(Map<BoxId, BoxFacts> f) {
        var fa = f.get(BoxId.A).flows();
        var fb = f.get(BoxId.B).flows();
        if (!fa.isOk() || !fb.isOk()) {
            return CheckItem.fail("pair", "flows-identical", "flows unreadable (A: " + CommissioningCheck.why(fa)
                    + ", B: " + CommissioningCheck.why(fb) + ")", "Give RedPair's user read access to the flows");
        }
        String ra = fa.value().rev();
        String rb = fb.value().rev();
        return ra.equals(rb) ? CheckItem.pass("pair", "flows-identical", "same flows revision " + shortRev(ra))
                : CheckItem.fail("pair", "flows-identical", "A has revision " + shortRev(ra) + ", B has " + shortRev(rb)
                + ": after a failover the plant would run other flows",
                "Push the same flows to both boxes: 'redpair push --site F --pair ID --from A-or-a-flows-file'");
    }

    private static String shortRev(String rev) {
        return rev == null || rev.length() <= 8 ? String.valueOf(rev) : rev.substring(0, 8);
    }
}
