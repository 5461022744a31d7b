package io.redpair.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.nodered.DeployType;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which nodes a deploy restarts, computed the way Node-RED's runtime computes it ({@code diffConfigs} in
 * runtime/lib/flows/util.js and {@code stop} in flows/index.js, read in 4.1.15; unchanged in 5.0.7).
 *
 * <p>Node-RED marks a node <em>changed</em> when a property other than x, y and wires differs (groups also ignore
 * nodes, style, w, h), when it carries {@code credentials} in the deploy, when it refers (by id, in any top-level
 * text property) to a changed or removed node such as its config node, when it is an instance of a changed subflow,
 * or when it belongs to a changed group. {@code nodes} stops changed and removed nodes; {@code flows} also stops the
 * rewired nodes and everything wire-connected to a modified node ("linked"); a tab whose {@code env} changed or
 * that was disabled or enabled restarts whole under any type; {@code full} restarts everything, and any deploy
 * becomes full when the {@code global-config} node changed.
 */
public final class RestartScope {

    private final FlowSet before;
    private final FlowSet after;
    final Set<String> added = new HashSet<>();
    final Set<String> removed = new HashSet<>();
    final Set<String> changed = new HashSet<>();
    final Set<String> rewired = new HashSet<>();
    final Set<String> wholeTabs = new HashSet<>();
    final Set<String> linked = new HashSet<>();
    boolean globalConfigChanged;

    private RestartScope(FlowSet before, FlowSet after) {
        this.before = before;
        this.after = after;
    }

    /** @param credentialIds nodes whose credentials the deploy carries on the node itself */
    public static RestartScope of(FlowSet before, FlowSet after, Collection<String> credentialIds) {
        RestartScope scope = new RestartScope(before, after);
        scope.compareTabs();
        scope.compareNodes(credentialIds);
        scope.propagateReferences();
        scope.propagateSubflowsAndGroups();
        scope.findLinked();
        return scope;
    }

    public boolean globalConfigChanged() {
        return globalConfigChanged;
    }

    /** Runtime nodes (not tabs, subflow templates or groups) that a deploy of this type stops or starts. */
    public Set<String> restartedBy(DeployType type) {
        if (type == DeployType.FULL || type == DeployType.RELOAD || globalConfigChanged) {
            Set<String> all = new HashSet<>(runtimeNodes(after, after.byId().keySet()));
            all.addAll(runtimeNodes(before, removed));
            return all;
        }
        Set<String> ids = new HashSet<>(changed);
        ids.addAll(added);
        ids.addAll(removed);
        if (type == DeployType.FLOWS) {
            ids.addAll(linked);
            ids.addAll(rewired);
        }
        for (FlowNode n : after.nodes()) {
            if (wholeTabs.contains(n.z())) {
                ids.add(n.id());
            }
        }
        Set<String> result = new HashSet<>(runtimeNodes(after, ids));
        result.addAll(runtimeNodes(before, ids));
        return result;
    }

    /** Nodes wire-connected to a modified node but not modified themselves; {@code flows} restarts them too. */
    public Set<String> linked() {
        return Set.copyOf(linked);
    }

    private void compareTabs() {
        for (FlowNode tab : before.nodes()) {
            if (!tab.isTab()) {
                continue;
            }
            FlowNode now = after.byId().get(tab.id());
            if (now == null) {
                removed.add(tab.id());
            } else if (tab.flag("disabled", false) != now.flag("disabled", false)) {
                wholeTabs.add(tab.id());
            } else if (!Objects.equals(tab.json().get("env"), now.json().get("env"))) {
                wholeTabs.add(tab.id());
            }
        }
    }

    private void compareNodes(Collection<String> credentialIds) {
        for (FlowNode old : before.nodes()) {
            if (old.isTab()) {
                continue;
            }
            FlowNode now = after.byId().get(old.id());
            if (now == null || removed.contains(old.z())) {
                removed.add(old.id());
                continue;
            }
            if (materiallyDifferent(old.json(), now.json())) {
                changed.add(old.id());
                globalConfigChanged |= "global-config".equals(now.type());
            }
            if (!Objects.equals(old.json().get("wires"), now.json().get("wires"))) {
                rewired.add(old.id());
            }
        }
        for (FlowNode now : after.nodes()) {
            if (!now.isTab() && !before.byId().containsKey(now.id())) {
                added.add(now.id());
            }
        }
        for (String id : credentialIds) {
            if (after.byId().containsKey(id) && !added.contains(id)) {
                changed.add(id);
            }
        }
    }

    /** A node that names a changed or removed node in one of its properties (its broker, its link target...). */
    private void propagateReferences() {
        Map<String, Set<String>> referrers = new HashMap<>();
        for (FlowNode n : after.nodes()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.json().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                if (!key.equals("z") && !key.equals("id") && !key.equals("wires") && !key.equals("g") && e.getValue().isTextual()) {
                    referrers.computeIfAbsent(e.getValue().textValue(), k -> new HashSet<>()).add(n.id());
                }
            }
        }
        Deque<String> work = new ArrayDeque<>(changed);
        work.addAll(removed);
        while (!work.isEmpty()) {
            for (String referrer : referrers.getOrDefault(work.pop(), Set.of())) {
                if (changed.add(referrer)) {
                    work.push(referrer);
                }
            }
        }
    }

    /** A change inside a subflow template changes every instance; a changed group changes its members. */
    private void propagateSubflowsAndGroups() {
        Deque<String> subflows = new ArrayDeque<>();
        for (String id : union(changed, added, removed)) {
            FlowNode n = after.byId().getOrDefault(id, before.byId().get(id));
            FlowNode container = n == null ? null : after.byId().get(n.z());
            if (n != null && n.isSubflow()) {
                subflows.push(n.id());
            } else if (container != null && container.isSubflow()) {
                subflows.push(container.id());
            }
        }
        Set<String> seen = new HashSet<>();
        while (!subflows.isEmpty()) {
            String subflow = subflows.pop();
            if (!seen.add(subflow)) {
                continue;
            }
            for (FlowNode n : after.nodes()) {
                if (n.type().equals("subflow:" + subflow)) {
                    changed.add(n.id());
                    FlowNode container = after.byId().get(n.z());
                    if (container != null && container.isSubflow()) {
                        subflows.push(container.id());
                    }
                }
            }
        }
        for (FlowNode n : after.nodes()) {
            if (FlowNode.GROUP.equals(n.type()) && changed.contains(n.id()) && n.json().path("nodes").isArray()) {
                n.json().get("nodes").forEach(member -> changed.add(member.asText()));
            }
        }
    }

    /** Everything reachable over wires (old or new, either direction) from a modified node. */
    private void findLinked() {
        Map<String, Set<String>> graph = new HashMap<>();
        addWires(before, graph);
        addWires(after, graph);
        Deque<String> work = new ArrayDeque<>(union(added, changed, removed, rewired));
        Set<String> visited = new HashSet<>();
        while (!work.isEmpty()) {
            String id = work.pop();
            if (visited.add(id)) {
                if (!added.contains(id) && !changed.contains(id) && !removed.contains(id) && !rewired.contains(id)) {
                    linked.add(id);
                }
                work.addAll(graph.getOrDefault(id, Set.of()));
            }
        }
    }

    private static void addWires(FlowSet set, Map<String, Set<String>> graph) {
        for (FlowNode n : set.nodes()) {
            for (JsonNode port : n.json().path("wires")) {
                for (JsonNode target : port) {
                    graph.computeIfAbsent(n.id(), k -> new HashSet<>()).add(target.asText());
                    graph.computeIfAbsent(target.asText(), k -> new HashSet<>()).add(n.id());
                }
            }
        }
    }

    /** Node-RED's diffNodes: x, y and wires never count; for groups neither do nodes, style, w and h. */
    static boolean materiallyDifferent(ObjectNode a, ObjectNode b) {
        if (a.equals(b)) {
            return false;
        }
        Set<String> ignored = "group".equals(b.path("type").asText())
                ? Set.of("x", "y", "wires", "nodes", "style", "w", "h") : Set.of("x", "y", "wires");
        return !strip(a, ignored).equals(strip(b, ignored));
    }

    private static ObjectNode strip(ObjectNode n, Set<String> ignored) {
        ObjectNode copy = n.deepCopy();
        copy.remove(ignored);
        return copy;
    }

    private static Set<String> runtimeNodes(FlowSet set, Collection<String> ids) {
        Set<String> result = new HashSet<>();
        for (String id : ids) {
            FlowNode n = set.byId().get(id);
            if (n != null && !n.isTab() && !n.isSubflow() && !FlowNode.GROUP.equals(n.type()) && !insideSubflow(set, n)) {
                result.add(id);
            }
        }
        return result;
    }

    private static boolean insideSubflow(FlowSet set, FlowNode n) {
        FlowNode container = set.byId().get(n.z());
        return container != null && container.isSubflow();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

}
