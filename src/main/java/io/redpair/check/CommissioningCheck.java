package io.redpair.check;

import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.NodeRedEndpoint;
import io.redpair.nodered.Outcome;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The commissioning check of one pair: asks each box a fixed set of read-only questions (settings, flow state,
 * flows, canary, diagnostics) and the arbiter its identity and STATUS (plus an ARM/DISARM round trip only when
 * that leaves it as found, see {@link PortArbiterProbe}), and judges the answers into a checklist with what to do
 * for every item that is not a pass. It never changes a box, never moves an output and never fences. Items RedPair cannot see remotely (the boot guard) are MANUAL: the engineer
 * verifies them on the box and ticks them.
 */
public final class CommissioningCheck {

    private final Function<BoxId, NodeRedEndpoint> endpoints;
    private final ArbiterProbe arbiter;

    /**
     * Without an arbiter probe: a configured arbiter is a MANUAL item (e.g. a supervisor in another process holds
     * its only session).
     */
    public CommissioningCheck(Function<BoxId, NodeRedEndpoint> endpoints) {
        this(endpoints, null);
    }

    /** {@code endpoints}: how to reach each box (secrets already resolved); {@code arbiter}: how to ask the arbiter. */
    public CommissioningCheck(Function<BoxId, NodeRedEndpoint> endpoints, ArbiterProbe arbiter) {
        this.endpoints = endpoints;
        this.arbiter = arbiter;
    }

    public CheckReport run(Pair pair) {
        Map<BoxId, BoxFacts> facts = new EnumMap<>(BoxId.class);
        for (BoxId box : BoxId.values()) {
            try (NodeRedClient client = NodeRedClient.create(endpoints.apply(box))) {
                facts.put(box, BoxFacts.read(client, pair.hasCanary() ? pair.heartbeatPath() : null));
            }
        }
        List<CheckItem> items = new ArrayList<>();
        for (BoxId box : BoxId.values()) {
            items.addAll(BoxRules.judge(box.name(), facts.get(box), pair.hasCanary()));
        }
        if (facts.values().stream().allMatch(f -> f.settings().isOk())) {
            items.addAll(PairRules.judge(pair, facts));
        }
        items.addAll(arbiterItems(pair, activeBox(facts)));
        for (BoxId box : BoxId.values()) {
            items.add(CheckItem.manual(box.name(), "boot-guard", "cannot be verified over the network",
                    "On box " + box + ": check that redpair-boot-guard runs before Node-RED (systemctl cat nodered: "
                            + "ExecStartPre=…redpair-boot-guard) as app/edge/INSTALL.md describes, then tick this item"));
        }
        return new CheckReport(pair.id(), items);
    }

    private List<CheckItem> arbiterItems(Pair pair, BoxId active) {
        if (pair.arbiter() == null) {
            return List.of(CheckItem.warn("arbiter", "arbiter", "no arbiter configured: fencing is API-only",
                    "A hung box cannot be forced off without the watchdog arbiter; fit one (docs/arbiter-protocol.md)"
                            + " and add it to the pair, or accept the risk in writing"));
        }
        if (arbiter == null) {
            return List.of(CheckItem.manual("arbiter", "arbiter", "arbiter " + pair.arbiter().serialNumber()
                            + " configured; its session is held by a running supervisor, so the check did not open it",
                    "Stop 'redpair supervise' and run the check again, or run 'redpair arbiter status --port "
                            + pair.arbiter().port() + "' while nothing else holds it"));
        }
        return ArbiterRules.judge(pair, arbiter.read(pair.arbiter()), active);
    }

    /** The one box that runs flows, or null when none or both do. */
    private static BoxId activeBox(Map<BoxId, BoxFacts> facts) {
        boolean a = facts.get(BoxId.A).runsFlows();
        boolean b = facts.get(BoxId.B).runsFlows();
        return a == b ? null : a ? BoxId.A : BoxId.B;
    }

    /** Outcome failure text for a detail line. */
    static String why(Outcome<?> o) {
        return o == null ? "not asked" : o.describe();
    }
}
