package io.redpair.arbiter;

import io.redpair.arbiter.RequestTracker.Answered;
import io.redpair.arbiter.RequestTracker.Reply;
import io.redpair.arbiter.RequestTracker.Unanswered;
import java.util.concurrent.CompletableFuture;

/**
 * Select-before-operate for one dangerous command: PREP, check that the device's canonical echo is
 * exactly what we meant (else CANCEL), then EXEC with the nonce. An unanswered PREP cannot have moved
 * anything; an unanswered EXEC might have, so it is reported as outcome unknown.
 */
final class PrepExec {

    private final ArbiterHostLink link;

    PrepExec(ArbiterHostLink link) {
        this.link = link;
    }

    CompletableFuture<CommandResult> run(ArbiterCommand.Dangerous command) {
        if (!link.up()) {
            return CompletableFuture.completedFuture(new CommandResult.LinkDown("arbiter link is down", false));
        }
        return link.request(new ArbiterCommand.Prep(command)).thenCompose(reply -> afterPrep(command, reply));
    }

    private CompletableFuture<CommandResult> afterPrep(ArbiterCommand.Dangerous command, Reply reply) {
        if (reply instanceof Unanswered u) {
            return done(new CommandResult.LinkDown(u.reason(), false));
        }
        Frame frame = ((Answered) reply).frame();
        if (frame instanceof Frame.Error e) {
            return done(CommandResult.of(e));
        }
        Frame.Ok ok = (Frame.Ok) frame;
        String nonce = ok.get("nonce");
        if (!ok.verb().equals("PREP") || nonce == null || !nonce.matches("[0-9A-F]{4}")
                || !command.canonical().equals(ok.get("cmd"))) {
            link.request(new ArbiterCommand.Cancel());
            return done(new CommandResult.Refused("ECHO", "device prepared '" + ok.get("cmd") + "', not '" + command.canonical() + "'"));
        }
        return link.request(new ArbiterCommand.Exec(Integer.parseInt(nonce, 16))).thenApply(PrepExec::afterExec);
    }

    private static CommandResult afterExec(Reply reply) {
        if (reply instanceof Unanswered u) {
            return new CommandResult.LinkDown(u.reason(), u.sentAtLeastOnce());
        }
        Frame frame = ((Answered) reply).frame();
        if (frame instanceof Frame.Error e) {
            return CommandResult.of(e);
        }
        return new CommandResult.Done((Frame.Ok) frame);
    }

    private static CompletableFuture<CommandResult> done(CommandResult r) {
        return CompletableFuture.completedFuture(r);
    }
}
