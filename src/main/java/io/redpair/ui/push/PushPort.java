package io.redpair.ui.push;

import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSourceException;
import io.redpair.flows.FlowsFormatException;
import io.redpair.flows.push.PushPlan;
import io.redpair.flows.push.PushProgress;
import io.redpair.flows.push.PushRefusedException;
import io.redpair.flows.push.PushResult;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What the push wizard needs from the site, behind one seam: read a source, plan a push or a rollback against the
 * boxes as they are now, and run the plan. {@link SitePushPort} binds it to the console's {@code SiteConnection}
 * (the same code as {@code redpair push}); tests use an in-memory port. Every method may block: the wizard calls
 * them on a worker thread, never on the JavaFX thread.
 */
public interface PushPort {

    /** A flows file (Node-RED export or v2 document) or the admin URL of a Node-RED (a dev instance). */
    FlowSet loadSource(String spec) throws FlowsFormatException, FlowSourceException;

    /** Reads both boxes now and plans the push of {@code source}, the spare first. */
    PlannedPush planPush(String pairId, FlowSet source) throws PushRefusedException;

    /** Reads both boxes now and plans putting back the flows they had before the last push. */
    PlannedPush planRollback(String pairId) throws PushRefusedException;

    /** A plan bound to the boxes it was made against; close it when the wizard closes. */
    interface PlannedPush extends AutoCloseable {

        PushPlan plan();

        /** The pair's editors, the active box first, with what each has deployed (for node links). */
        List<NodeLinks.Editor> editors();

        /**
         * Why this plan cannot be carried out by switchover (a rollback, no canary to measure with, not one active
         * box and one spare), empty when it can.
         */
        Optional<String> bySwitchoverUnavailable();

        /**
         * Snapshots, records and executes the plan (a push in place or by switchover, or the rollback this plan
         * was made for), reporting each step to {@code progress}.
         */
        PushResult execute(PlanText.Method method, PushProgress progress) throws IOException, InterruptedException;

        @Override
        void close();
    }
}
