package io.redpair.arbiter;

import io.redpair.arbiter.RequestTracker.Answered;
import io.redpair.arbiter.RequestTracker.Reply;
import io.redpair.arbiter.RequestTracker.Unanswered;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Small helpers for the session thread, which may block on a reply (the tracker bounds it to about 1.2 s). */
final class Replies {

    private Replies() {
    }

    static Reply await(CompletableFuture<Reply> reply) {
        try {
            return reply.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return new Unanswered("interrupted: " + e, false);
        }
    }

    static String describe(Reply reply) {
        if (reply instanceof Unanswered u) {
            return u.reason();
        }
        Frame f = ((Answered) reply).frame();
        return f instanceof Frame.Error e ? e.code() + " " + e.msg() : "unexpected reply " + f;
    }
}
