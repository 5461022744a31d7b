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
 * flows, canary, diagnostics) and judges the answers into a checklist with what to do for every item that is
 * not a pass. It never changes a box. Items RedPair cannot see remotely (the boot guard) are MANUAL: the engineer
 * verifies them on the box and ticks them.
 */
public final class CommissioningCheck {

    private final Function<BoxId, NodeRedEndpoint> endpoints;

    /** {@code endpoints}: how to reach each box (secrets already resolved). */
    public CommissioningCheck(Function<BoxId, NodeRedEndpoint> endpoints) {
        this.endpoints = endpoints;
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
        items.add(arbiter(pair));
        for (BoxId box : BoxId.values()) {
            items.add(CheckItem.manual(box.name(), "boot-guard", "cannot be verified over the network",
                    "On box " + box + ": check that redpair-boot-guard runs before Node-RED (systemctl cat nodered: "
                            + "ExecStartPre=…redpair-boot-guard) as app/edge/INSTALL.md describes, then tick this item"));
        }
        return new CheckReport(pair.id(), items);
    }

    private static CheckItem arbiter(Pair pair) {
        if (pair.arbiter() == null) {
            return CheckItem.warn("arbiter", "arbiter", "no arbiter configured: fencing is API-only",
                    "A hung box cannot be forced off without the watchdog arbiter; fit one (docs/arbiter-protocol.md)"
                            + " and add it to the pair, or accept the risk in writing");
        }
        return CheckItem.manual("arbiter", "arbiter", "arbiter " + pair.arbiter().serialNumber()
                        + " configured; this build does not query it from the check",
                "Run 'redpair arbiter status --port " + pair.arbiter().port() + "': HELLO answers with serial "
                        + pair.arbiter().serialNumber() + ", the selected output is the active box, ARM is accepted");
    }

    /** Outcome failure text for a detail line. */
    static String why(Outcome<?> o) {
        return o == null ? "not asked" : o.describe();
    }
}
