package io.redpair.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.redpair.pair.ArbiterConfig;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import io.redpair.pair.SecretStoreKind;
import io.redpair.pair.Site;
import io.redpair.pair.approval.ApprovalSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates a parsed site file and builds the {@link Site}; every problem is collected in {@link Checks}. */
final class SiteReader {

    private static final Set<String> ROOT_KEYS = Set.of("version", "site", "pairs", "approvals", "secretStore");
    private static final Set<String> APPROVAL_KEYS = Set.of("twoPerson", "windowS");
    private static final Set<String> PAIR_KEYS = Set.of("id", "name", "boxes", "preferred", "heartbeatPath",
            "arbiter", "policy");
    private static final Set<String> POLICY_KEYS = Set.of("intervalMs", "missedBeats", "autoFailover", "holdDownS",
            "startupGraceMs", "fencing");
    private static final Set<String> ARBITER_KEYS = Set.of("port", "serialNumber", "baud");
    private static final Pattern PAIR_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{0,63}");
    private static final List<String> BAUDS = List.of("9600", "19200", "38400", "57600", "115200", "230400");

    private final Checks checks;
    private final BoxReader boxes;

    SiteReader(Checks checks) {
        this.checks = checks;
        this.boxes = new BoxReader(checks);
    }

    /** The site, or null when a problem was recorded. */
    Site read(JsonNode root) {
        if (!root.isObject()) {
            checks.problem("", "expected a JSON object with version, site and pairs");
            return null;
        }
        checks.onlyKeys(root, "", ROOT_KEYS, "the site file");
        JsonNode version = root.get("version");
        if (version == null) {
            checks.problem("", "missing key 'version' (this RedPair reads version 1)");
        } else if (!version.isIntegralNumber() || version.asLong() != 1) {
            checks.problem("version", "unsupported version: this RedPair reads version 1");
        }
        String name = checks.text(root, "", "site", true);
        List<Pair> pairs = pairs(root);
        ApprovalSettings approvals = approvals(root);
        String store = checks.choice(root, "", "secretStore", List.of("vault", "keychain"), "vault");
        return checks.problems().isEmpty() ? new Site(name, pairs, approvals,
                store.equals("keychain") ? SecretStoreKind.KEYCHAIN : SecretStoreKind.VAULT) : null;
    }

    /** {@code "approvals": {"twoPerson": true, "windowS": 300}}; absent means one person (ADR 0072). */
    private ApprovalSettings approvals(JsonNode root) {
        if (!root.has("approvals")) {
            return ApprovalSettings.singlePerson();
        }
        JsonNode node = checks.object(root, "", "approvals", false);
        if (node == null) {
            return null;
        }
        checks.onlyKeys(node, "approvals", APPROVAL_KEYS, "the approvals");
        long window = checks.number(node, "approvals", "windowS", 1, 86_400,
                ApprovalSettings.DEFAULT_WINDOW.toSeconds());
        return new ApprovalSettings(checks.bool(node, "approvals", "twoPerson", false), Duration.ofSeconds(window));
    }

    private List<Pair> pairs(JsonNode root) {
        JsonNode array = root.get("pairs");
        List<Pair> pairs = new ArrayList<>();
        if (array == null || !array.isArray() || array.isEmpty()) {
            checks.problem(array == null ? "" : "pairs", array == null ? "missing key 'pairs'"
                    : "expected a non-empty array of pairs");
            return pairs;
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "pairs[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                checks.problem(path, "expected an object");
                continue;
            }
            Pair pair = pair(node, path, seen);
            if (pair != null) {
                pairs.add(pair);
            }
        }
        return pairs;
    }

    private Pair pair(JsonNode node, String path, Map<String, String> seen) {
        checks.onlyKeys(node, path, PAIR_KEYS, "a pair");
        String id = checks.text(node, path, "id", true);
        if (id != null && !PAIR_ID.matcher(id).matches()) {
            checks.problem(path + ".id", "expected letters, digits, '-' or '_' (at most 64), starting with a letter or digit");
            id = null;
        } else if (id != null && seen.containsKey(id)) {
            checks.problem(path + ".id", "duplicate pair id '" + id + "' (first used at " + seen.get(id) + ")");
            id = null;
        } else if (id != null) {
            seen.put(id, path);
        }
        String name = node.has("name") ? checks.text(node, path, "name", false) : id;
        Map<BoxId, BoxConfig> boxConfigs = boxes.boxes(node, path);
        String preferred = checks.choice(node, path, "preferred", List.of("A", "B"), "A");
        String heartbeat = checks.text(node, path, "heartbeatPath", false);
        if (heartbeat != null && !heartbeat.startsWith("/")) {
            checks.problem(path + ".heartbeatPath", "expected a path starting with / (e.g. /redpair/heartbeat)");
        }
        JsonNode arbiterNode = checks.object(node, path, "arbiter", false);
        ArbiterConfig arbiter = arbiterNode == null ? null : arbiter(arbiterNode, path + ".arbiter");
        Policy policy = policy(node, path, arbiterNode != null);
        if (id == null || boxConfigs == null || policy == null || arbiterNode != null && arbiter == null) {
            return null;
        }
        return new Pair(id, name, boxConfigs, BoxId.valueOf(preferred), heartbeat, arbiter, policy);
    }

    private ArbiterConfig arbiter(JsonNode node, String path) {
        checks.onlyKeys(node, path, ARBITER_KEYS, "the arbiter");
        String port = checks.text(node, path, "port", true);
        String serial = checks.text(node, path, "serialNumber", false);
        long baud = checks.number(node, path, "baud", 1, 4_000_000, 115_200);
        if (!BAUDS.contains(Long.toString(baud))) {
            checks.problem(path + ".baud", "expected one of " + String.join(", ", BAUDS) + " (WDA/1 uses 115200)");
        }
        return port == null ? null : new ArbiterConfig(port, serial, (int) baud);
    }

    private Policy policy(JsonNode pair, String path, boolean hasArbiter) {
        Policy d = Policy.defaults();
        JsonNode node = pair.has("policy") ? checks.object(pair, path, "policy", false) : null;
        if (pair.has("policy") && node == null) {
            return null;
        }
        if (node == null) {
            return new Policy(d.intervalMs(), d.missedBeats(), d.autoFailover(), d.holdDownS(), d.startupGraceMs(),
                    hasArbiter ? Policy.Fencing.ARBITER : Policy.Fencing.API_ONLY);
        }
        String p = path + ".policy";
        checks.onlyKeys(node, p, POLICY_KEYS, "the policy");
        String fencing = checks.choice(node, p, "fencing", List.of("arbiter", "api-only"),
                hasArbiter ? "arbiter" : "api-only");
        if (fencing.equals("arbiter") && !hasArbiter) {
            checks.problem(p + ".fencing", "fencing by arbiter needs an 'arbiter' in this pair");
        }
        return new Policy((int) checks.number(node, p, "intervalMs", 20, 60_000, d.intervalMs()),
                (int) checks.number(node, p, "missedBeats", 1, 100, d.missedBeats()),
                checks.bool(node, p, "autoFailover", d.autoFailover()),
                (int) checks.number(node, p, "holdDownS", 0, 86_400, d.holdDownS()),
                (int) checks.number(node, p, "startupGraceMs", 0, 600_000, d.startupGraceMs()),
                fencing.equals("arbiter") ? Policy.Fencing.ARBITER : Policy.Fencing.API_ONLY);
    }
}
