package io.redpair.flows.push;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.flows.FlowSet;
import io.redpair.nodered.FlowsDocument;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.Outcome;
import io.redpair.pair.BoxId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a {@link PushPlan} step by step, stopping at the first step that is not verified.
 *
 * <p>Each deploy sends the revision the plan saw, so a box whose flows changed since answers 409 and nothing is
 * overwritten. A step counts only when the box answers the source's revision, reports it again on a fresh
 * {@code GET /flows}, and its flow state (running or stopped) is what it was before: a stopped spare must stay
 * stopped. Credentials go on the nodes themselves, so Node-RED restarts exactly those nodes (ADR 0051). The
 * executor never starts or stops flows.
 */
public final class PushExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(PushExecutor.class);
    /** How long a box may stay too busy to answer after a deploy (10k-node flows start in 2-5 s). */
    private static final Duration BUSY_PATIENCE = Duration.ofSeconds(30);

    private PushExecutor() {
    }

    public static PushResult execute(PushPlan plan, Map<BoxId, NodeRedClient> clients) {
        return execute(plan, clients, PushProgress.NONE);
    }

    /** Runs the plan's steps in order; the first step that fails stops it and later boxes are not touched. */
    public static PushResult execute(PushPlan plan, Map<BoxId, NodeRedClient> clients, PushProgress progress) {
        List<StepResult> results = new ArrayList<>();
        boolean stopped = false;
        for (PushStep step : plan.steps()) {
            StepResult result = stopped ? new StepResult.NotAttempted(step.box(), step.fromRev())
                    : runStep(step, clients.get(step.box()), progress);
            results.add(result);
            stopped |= result instanceof StepResult.Failed;
        }
        return new PushResult(results);
    }

    /** One box: tells {@code progress} before and after, deploys guarded by the plan's rev, verifies. */
    static StepResult runStep(PushStep step, NodeRedClient client, PushProgress progress) {
        progress.stepStarting(step);
        StepResult result = run(step, withCredentials(step.target()), client);
        progress.stepFinished(result);
        return result;
    }

    private static StepResult run(PushStep step, ArrayNode flows, NodeRedClient client) {
        if (!step.advice().needed()) {
            LOG.info("push box {}: unchanged at rev {}", step.box(), step.toRev());
            return new StepResult.Unchanged(step.box(), step.toRev());
        }
        Outcome<FlowsState> stateBefore = client.flowsState();
        if (!(stateBefore instanceof Outcome.Ok<FlowsState> before)) {
            return failed(step, "cannot read its flow state before the deploy: " + stateBefore.describe(), false, step.fromRev());
        }
        if (before.value() == FlowsState.SAFE) {
            return failed(step, "it is in safe mode, where any deploy starts the flows; nothing was deployed",
                    false, step.fromRev());
        }
        long t0 = System.nanoTime();
        Outcome<String> answer = client.deploy(flows, step.fromRev(), step.advice().type(), null);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        if (answer instanceof Outcome.Conflict<String>) {
            FlowsConflict conflict = FlowsConflict.rediff(step, client);
            return failed(step, conflict.describe(), true, conflict.revNow());
        }
        if (answer instanceof Outcome.TooLarge<String>) {
            return failed(step, tooLarge(flows), false, currentRev(client));
        }
        if (!(answer instanceof Outcome.Ok<String> ok)) {
            return failed(step, "the deploy failed: " + answer.describe(), false, currentRev(client));
        }
        String reread = currentRev(client);
        if (!step.toRev().equals(ok.value()) || !step.toRev().equals(reread)) {
            return failed(step, "it answered rev " + ok.value() + " and now reports " + reread + ", expected "
                    + step.toRev(), false, reread);
        }
        Outcome<FlowsState> stateAfter = patiently(client::flowsState);
        if (!(stateAfter instanceof Outcome.Ok<FlowsState> after) || after.value() != before.value()) {
            return failed(step, "its flow state was " + before.value() + " before the deploy and is "
                    + (stateAfter.isOk() ? stateAfter.value() : stateAfter.describe()) + " after", false, reread);
        }
        LOG.info("push box {} ({}): deployed {} rev {} -> {} in {} ms, flows still {}", step.box(), step.role(),
                step.advice().type().header(), step.fromRev(), reread, millis, after.value());
        return new StepResult.Deployed(step.box(), step.role(), step.fromRev(), reread, step.advice().type(), millis);
    }

    /** 413: Node-RED's body limit ({@code apiMaxLength}, 5 MB by default) refused the deploy before reading it. */
    private static String tooLarge(ArrayNode flows) {
        long bytes = flows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return String.format(java.util.Locale.ROOT, "it refused the flows as too large (413 Payload Too Large): the"
                + " deploy is %.1f MB and Node-RED accepts at most its apiMaxLength (5 MB unless its settings.js says"
                + " otherwise); nothing was deployed to it. Raise apiMaxLength on both boxes or make the flows smaller",
                bytes / 1_048_576.0);
    }

    private static StepResult failed(PushStep step, String reason, boolean conflict, String revNow) {
        LOG.warn("push box {} ({}): stopped: {}", step.box(), step.role(), reason);
        return new StepResult.Failed(step.box(), step.role(), "box " + step.box() + ": " + reason, conflict, revNow);
    }

    private static String currentRev(NodeRedClient client) {
        Outcome<FlowsDocument> doc = patiently(client::flows);
        return doc.isOk() ? doc.value().rev() : null;
    }

    /**
     * Repeats a read while the box is busy. A deploy is answered before the new flows start, and starting a few
     * thousand nodes blocks Node-RED's event loop for about a second (NODE-RED-FACTS §4), so the first reads after
     * it can time out ({@link Outcome.Hung}) on a healthy box. Any other outcome is final.
     */
    static <T> Outcome<T> patiently(Supplier<Outcome<T>> read) {
        long deadline = System.nanoTime() + BUSY_PATIENCE.toNanos();
        Outcome<T> outcome = read.get();
        while (outcome instanceof Outcome.Hung<T> && System.nanoTime() < deadline) {
            LOG.debug("box busy after deploy, reading again: {}", outcome.describe());
            outcome = read.get();
        }
        return outcome;
    }

    /** The source's flows with each node's credentials on the node, as Node-RED accepts them in a deploy. */
    static ArrayNode withCredentials(FlowSet source) {
        ArrayNode flows = source.flowsArray();
        for (int i = 0; i < flows.size(); i++) {
            ObjectNode node = (ObjectNode) flows.get(i);
            ObjectNode credentials = source.credentials().get(node.path("id").asText());
            if (credentials != null) {
                node.set("credentials", credentials.deepCopy());
            }
        }
        return flows;
    }
}
