package io.redpair.ui.push;

import io.redpair.flows.push.PairBoxes;
import io.redpair.flows.push.SwitchoverOutcome;
import io.redpair.flows.push.SwitchoverPort;
import io.redpair.nodered.NodeRedClient;
import io.redpair.pair.BoxId;
import io.redpair.store.Actor;
import io.redpair.supervisor.control.ControlResponse;
import io.redpair.ui.actions.ConsoleRequests;
import io.redpair.ui.site.SiteConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The console's {@link SwitchoverPort}: the planned switchover of a push by switchover is the same request the
 * "Switch over" button sends through the {@link SiteConnection}, so the site's one actor (this console's supervisor,
 * or the headless one it is attached to) judges and journals it. The supervisor answers when it accepts the request;
 * the port then waits until the boxes show it done (the target serves its canary, the other box's flows stopped).
 * Runs on the wizard's worker thread, never on the JavaFX thread.
 */
final class ConnectionSwitchoverPort implements SwitchoverPort {

    private static final Duration DONE_LIMIT = Duration.ofSeconds(120);

    private final SiteConnection connection;
    private final Map<BoxId, NodeRedClient> clients;
    private final String heartbeatPath;

    ConnectionSwitchoverPort(SiteConnection connection, Map<BoxId, NodeRedClient> clients, String heartbeatPath) {
        this.connection = connection;
        this.clients = clients;
        this.heartbeatPath = heartbeatPath;
    }

    @Override
    public SwitchoverOutcome switchover(String pairId, BoxId to) throws InterruptedException {
        ControlResponse answer;
        try {
            answer = connection.send(new ConsoleRequests(Actor.current()).switchover(pairId, to)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return SwitchoverOutcome.failed("the switchover request failed: " + e);
        }
        if (answer.outcome() != ControlResponse.Outcome.OK) {
            return SwitchoverOutcome.failed("the supervisor did not switch over: " + answer.outcome() + " " + answer.message());
        }
        if (!PairBoxes.awaitSwitchedOver(clients, to, heartbeatPath, DONE_LIMIT)) {
            return SwitchoverOutcome.failed(answer.message() + "; but within " + DONE_LIMIT.toSeconds() + " s box " + to
                    + " did not serve its canary with box " + to.other() + " stopped");
        }
        return SwitchoverOutcome.completed(answer.message());
    }
}
