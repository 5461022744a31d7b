package io.redpair.cli;

import io.redpair.flows.push.PairBoxes;
import io.redpair.flows.push.SwitchoverOutcome;
import io.redpair.flows.push.SwitchoverPort;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.Outcome;
import io.redpair.pair.BoxId;
import io.redpair.pair.Site;
import io.redpair.supervisor.control.ControlRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI's {@link SwitchoverPort}: the same path as {@code redpair switchover} — the supervisor that holds the site
 * over its control channel, or, when none runs, a one-shot supervisor in this process ({@link OperatorRequestRunner}).
 * The control channel answers when the request is accepted, so this port then waits until the boxes show the
 * switchover done: the target serves its canary and the old active's flows are stopped.
 */
public final class SiteSwitchoverPort implements SwitchoverPort {

    private static final Duration DONE_LIMIT = Duration.ofSeconds(120);

    private final Path siteFile;
    private final Map<BoxId, NodeRedClient> clients;
    private final String heartbeatPath;

    /** @param clients both boxes' clients, used only to see the switchover done */
    public SiteSwitchoverPort(Path siteFile, Map<BoxId, NodeRedClient> clients, String heartbeatPath) {
        this.siteFile = siteFile;
        this.clients = clients;
        this.heartbeatPath = heartbeatPath;
    }

    @Override
    public SwitchoverOutcome switchover(String pairId, BoxId to) throws InterruptedException {
        StringWriter said = new StringWriter();
        PrintWriter writer = new PrintWriter(said, true);
        ControlRequest request = OperatorRequestRunner.request(ControlRequest.SWITCHOVER, pairId, to.name(), null,
                null, null, "push by switchover");
        int code;
        try {
            Site site = SiteSession.load(siteFile, writer);
            code = site == null ? ExitCodes.BAD_INPUT : new OperatorRequestRunner(siteFile, writer, writer).deliver(site, request);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return SwitchoverOutcome.failed("the switchover request failed: " + e.getMessage());
        }
        String detail = said.toString().strip().replace('\n', ' ');
        if (code != ExitCodes.OK) {
            return SwitchoverOutcome.failed(detail.isEmpty() ? "the switchover was not done (exit " + code + ")" : detail);
        }
        BoxId from = to == BoxId.A ? BoxId.B : BoxId.A;
        if (!PairBoxes.awaitSwitchedOver(clients, to, heartbeatPath, DONE_LIMIT)) {
            return SwitchoverOutcome.failed(detail + "; but within " + DONE_LIMIT.toSeconds() + " s box " + to
                    + " did not serve its canary with box " + from + " stopped");
        }
        return SwitchoverOutcome.completed(detail);
    }
}
