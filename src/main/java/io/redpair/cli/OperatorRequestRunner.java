package io.redpair.cli;

import io.redpair.failover.FailoverStep;
import io.redpair.failover.Mode;
import io.redpair.pair.Site;
import io.redpair.pair.approval.DeliberateAction;
import io.redpair.store.Actor;
import io.redpair.store.Journal;
import io.redpair.supervisor.SiteLock;
import io.redpair.supervisor.Supervisor;
import io.redpair.supervisor.control.ControlClient;
import io.redpair.supervisor.control.ControlRequest;
import io.redpair.supervisor.control.ControlResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Delivers an operator request to whoever may act on the site: the running supervisor over its control
 * channel, or — when none runs — a one-shot supervisor in this process, which takes the site lock, reconciles
 * like {@code supervise} does, applies the request, waits for the takeover to finish and exits.
 */
final class OperatorRequestRunner {

    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(120);

    private final Path siteFile;
    private final PrintWriter out;
    private final PrintWriter err;

    OperatorRequestRunner(Path siteFile, PrintWriter out, PrintWriter err) {
        this.siteFile = siteFile;
        this.out = out;
        this.err = err;
    }

    /** A request stamped with the OS user and host of this process. */
    static ControlRequest request(String op, String pair, String to, Boolean on, Long forMs, Boolean confirmOff,
                                  String reason) {
        Actor me = Actor.current();
        return new ControlRequest(null, op, pair, to, on, forMs, confirmOff, reason, me.user(), me.host());
    }

    /**
     * Delivers {@code request} after the deliberate-action gate: the pair must exist, then the target must be
     * confirmed (and, on two-person sites, approved) and the outcome audited, before anything is sent.
     */
    int run(ControlRequest request, DeliberateAction action, String target, ApprovalOptions approval,
            Terminal terminal) throws Exception {
        Site site = SiteSession.load(siteFile, err);
        if (site == null) {
            return ExitCodes.BAD_INPUT;
        }
        if (site.pair(request.pair()).isEmpty()) {
            err.println("redpair: no pair '" + request.pair() + "' in " + siteFile);
            return ExitCodes.BAD_INPUT;
        }
        if (!new CliGate(siteFile, site, terminal, out, err).pass(action, target, approval)) {
            return ExitCodes.REFUSED;
        }
        return deliver(site, request);
    }

    /**
     * Delivers a request that already passed its gate (a push by switchover was confirmed as a push): over the
     * control channel when a supervisor holds the site, else through a one-shot supervisor in this process.
     */
    int deliver(Site site, ControlRequest request) throws Exception {
        Optional<SiteLock> lock = SiteLock.tryAcquire(siteFile);
        if (lock.isEmpty()) {
            return viaControlChannel(request);
        }
        try (SiteLock held = lock.get(); Journal journal = Journal.open(Journal.fileFor(siteFile))) {
            return oneShot(site, journal, request);
        }
    }

    private int viaControlChannel(ControlRequest request) {
        ControlResponse response;
        try {
            response = ControlClient.forSite(siteFile, Duration.ofSeconds(15)).send(request);
        } catch (IOException e) {
            err.println("redpair: a supervisor holds " + siteFile + " (pid " + SiteLock.holderOf(siteFile)
                    + ") but its control channel does not answer: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        return report(response);
    }

    private int oneShot(Site site, Journal journal, ControlRequest request) throws Exception {
        out.println("no supervisor runs for this site: acting directly (one-shot)");
        try (Supervisor supervisor = Supervisor.start(site, journal, SiteSession.ports());
             AuditTrail audit = AuditTrail.attach(supervisor, Journal.fileFor(siteFile), err)) {
            boolean settled = SiteSession.awaitAllPairs(supervisor, v -> v.state().mode() != Mode.STARTING,
                    SiteSession.settleTime(site));
            if (!settled) {
                err.println("redpair: the pair did not leave STARTING in time; nothing was done");
                return ExitCodes.UNREACHABLE;
            }
            ControlResponse response = supervisor.handle(request);
            int code = report(response);
            if (code == ExitCodes.OK && !ControlRequest.MAINTENANCE.equals(request.op())) {
                code = awaitTakeover(supervisor, request.pair());
            }
            return code;
        } catch (IllegalArgumentException e) {
            err.println("redpair: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    private int awaitTakeover(Supervisor supervisor, String pairId) throws InterruptedException {
        boolean done = SiteSession.awaitAllPairs(supervisor, v -> !v.state().mode().equals(Mode.FAILING_OVER)
                && !v.state().mode().equals(Mode.SWITCHING_OVER) && v.state().step() == FailoverStep.NONE, TAKEOVER_LIMIT);
        var state = supervisor.inspect(pairId, v -> v.state()).join();
        out.println("pair " + pairId + ": " + state.mode() + " active " + state.active() + " epoch " + state.epoch()
                + ": " + state.reason());
        if (!done) {
            err.println("redpair: the takeover did not finish within " + TAKEOVER_LIMIT.toSeconds() + " s");
            return ExitCodes.FAILED;
        }
        return state.mode() == Mode.PROTECTED || state.mode() == Mode.UNPROTECTED ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private int report(ControlResponse r) {
        if (r.outcome() == ControlResponse.Outcome.OK) {
            out.println(r.message());
            return ExitCodes.OK;
        }
        err.println("redpair: " + r.message());
        switch (r.outcome()) {
            case REFUSED:
            case UNAUTHORIZED:
                return ExitCodes.REFUSED;
            case BAD_REQUEST:
                return ExitCodes.USAGE;
            case UNKNOWN_PAIR:
                return ExitCodes.BAD_INPUT;
            default:
                return ExitCodes.SOFTWARE;
        }
    }
}
