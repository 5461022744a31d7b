package io.redpair.check;

import io.redpair.nodered.NodeRedSettings;
import io.redpair.nodered.Outcome;
import java.util.ArrayList;
import java.util.List;

/** The per-box items: reachable, auth, version, runtimeState, canary installed, diagnostics. */
final class BoxRules {

    private BoxRules() {
    }

    static List<CheckItem> judge(String box, BoxFacts f, boolean canary) {
        List<CheckItem> items = new ArrayList<>();
        Outcome<NodeRedSettings> s = f.settings();
        if (s instanceof Outcome.Unauthorized<?> || s instanceof Outcome.Forbidden<?>) {
            items.add(CheckItem.pass(box, "reachable", "the admin API answers"));
            items.add(CheckItem.fail(box, "auth", s.describe(), "Check the user and the secret reference of box " + box
                    + " in the site file ('redpair secret set …'); the user needs '*' permission to start/stop flows"));
            return items;
        }
        if (!s.isOk()) {
            items.add(CheckItem.fail(box, "reachable", s.describe(), "Check the URL, that Node-RED runs on box " + box
                    + ", and that this computer can reach it (firewall, VLAN)"));
            return items;
        }
        NodeRedSettings settings = s.value();
        items.add(CheckItem.pass(box, "reachable", "admin API answered in " + s.latencyMillis() + " ms"));
        items.add(CheckItem.pass(box, "auth", settings.user() == null ? "no admin login required"
                : "logged in as " + settings.user().username() + " (" + settings.user().permissions() + ")"));
        items.add(version(box, settings.version()));
        items.add(settings.runtimeStateEnabled() ? CheckItem.pass(box, "runtime-state", "runtimeState enabled")
                : CheckItem.fail(box, "runtime-state", "runtimeState is not enabled: RedPair cannot start or stop flows",
                "In box " + box + "'s settings.js add runtimeState: { enabled: true } (app/edge/settings-fragment.js)"
                        + " and restart Node-RED"));
        if (canary) {
            items.add(canaryInstalled(box, f));
        }
        items.add(f.diagnostics().isOk() ? CheckItem.pass(box, "diagnostics", "diagnostics available")
                : CheckItem.warn(box, "diagnostics", CommissioningCheck.why(f.diagnostics()),
                "Enable diagnostics in settings.js (diagnostics: { enabled: true }) so support can see the runtime"));
        return items;
    }

    private static CheckItem version(String box, String version) {
        String[] parts = version.split("[.-]");
        int major;
        try {
            major = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            return CheckItem.warn(box, "version", "unrecognised Node-RED version '" + version + "'",
                    "Use a released Node-RED 3.0 or later");
        }
        return major >= 3 ? CheckItem.pass(box, "version", "Node-RED " + version)
                : CheckItem.fail(box, "version", "Node-RED " + version + " is older than 3.0 (no runtimeState)",
                "Upgrade box " + box + " to Node-RED 3.0 or later (the same version on both boxes)");
    }

    private static CheckItem canaryInstalled(String box, BoxFacts f) {
        if (!f.flows().isOk()) {
            return CheckItem.fail(box, "canary-installed", "flows unreadable: " + f.flows().describe(),
                    "Give RedPair's user read access to the flows");
        }
        boolean present = false;
        for (var node : f.flows().value().flows()) {
            present |= "redpair-canary-tab".equals(node.path("id").asText());
        }
        return present ? CheckItem.pass(box, "canary-installed", "RedPair canary tab present")
                : CheckItem.fail(box, "canary-installed", "the RedPair canary tab is missing",
                "Run 'redpair canary install --site F --pair ID' (adds the canary tab to both boxes)");
    }
}
