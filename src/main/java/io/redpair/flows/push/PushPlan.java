package io.redpair.flows.push;

import io.redpair.flows.DeploymentAdvisor;
import io.redpair.flows.FlowDiffer;
import io.redpair.flows.FlowNode;
import io.redpair.flows.FlowSet;
import io.redpair.pair.BoxId;
import io.redpair.pair.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ordered steps of a push: the spare (STANDBY) first, the active last, so that a failure part-way leaves the
 * active box untouched and running its old flows, and the new flows are proven on the spare (deploy accepted,
 * revision verified, flows still stopped) before the running box is touched.
 *
 * <p>Invariants: every step's {@code toRev} is its target's revision; roles are known (a push refuses to guess
 * which box is the spare).
 */
public record PushPlan(FlowSet source, List<PushStep> steps, List<String> warnings) {

    /** Config node types whose core implementations hold credentials (user/password, keys, tokens). */
    private static final Set<String> CREDENTIAL_TYPES = Set.of("mqtt-broker", "http request", "tls-config",
            "http proxy", "e-mail", "e-mail in", "websocket-client");

    public PushPlan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    /** @param current what each box runs now, read just before planning */
    public static PushPlan of(FlowSet source, Map<BoxId, Role> roles, Map<BoxId, FlowSet> current) {
        Map<BoxId, FlowSet> targets = new java.util.EnumMap<>(BoxId.class);
        current.keySet().forEach(box -> targets.put(box, source));
        return perBox(source, targets, roles, current);
    }

    /**
     * A plan where each box gets its own target (a rollback puts back each box's snapshot).
     *
     * @param source what the plan is shown as (for a push the source; for a rollback one of the snapshots)
     */
    public static PushPlan perBox(FlowSet source, Map<BoxId, FlowSet> targets, Map<BoxId, Role> roles,
                                  Map<BoxId, FlowSet> current) {
        List<PushStep> steps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<BoxId, FlowSet> e : current.entrySet()) {
            Role role = roles.getOrDefault(e.getKey(), Role.UNKNOWN);
            if (role == Role.UNKNOWN) {
                throw new IllegalArgumentException("the role of box " + e.getKey()
                        + " is unknown; a push must know which box is the spare");
            }
            FlowSet now = e.getValue();
            FlowSet target = targets.get(e.getKey());
            steps.add(new PushStep(e.getKey(), role, target, now.revision(), target.revision(), FlowDiffer.diff(now, target),
                    DeploymentAdvisor.advise(now, target, target.credentials().keySet())));
            missingCredentials(target, now, e.getKey(), warnings);
            removedCredentials(target, now, e.getKey(), warnings);
        }
        steps.sort(Comparator.comparing((PushStep s) -> s.role() == Role.ACTIVE).thenComparing(PushStep::box));
        return new PushPlan(source, steps, warnings);
    }

    /** New credential-holding nodes the source has no credentials for: they will have none on the box. */
    private static void missingCredentials(FlowSet source, FlowSet box, BoxId id, List<String> warnings) {
        for (FlowNode n : source.nodes()) {
            if (CREDENTIAL_TYPES.contains(n.type()) && !source.credentials().containsKey(n.id())
                    && !box.byId().containsKey(n.id())) {
                warnings.add("box " + id + ": " + source.displayName(n) + " (" + n.type() + " " + n.id() + ") is new and"
                        + " the source carries no credentials for it (GET /flows never returns credentials); it will"
                        + " run without user/password until they are entered on the box or pushed from a source that has them");
            }
        }
    }

    /**
     * Credential-holding nodes this plan removes from a box: Node-RED deletes their stored credentials with them,
     * and no snapshot or {@code GET /flows} can bring them back (it never returns credentials).
     */
    private static void removedCredentials(FlowSet target, FlowSet box, BoxId id, List<String> warnings) {
        for (FlowNode n : box.nodes()) {
            if (CREDENTIAL_TYPES.contains(n.type()) && !target.byId().containsKey(n.id())) {
                warnings.add("box " + id + ": " + box.displayName(n) + " (" + n.type() + " " + n.id() + ") is removed;"
                        + " Node-RED deletes its stored credentials with it, and they cannot be restored from a snapshot"
                        + " or another box (credentials are never read back): re-enter them if the node comes back");
            }
        }
    }

    public boolean changesAnything() {
        return steps.stream().anyMatch(s -> s.advice().needed());
    }
}
