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

    /** The device behind a HELLO reply, or why it is not acceptable (exactly one is non-null). */
    record HelloCheck(DeviceInfo device, String refusal) {
    }

    static HelloCheck checkHello(Reply hello, String expectedSerial) {
        if (!(hello instanceof Answered a) || !(a.frame() instanceof Frame.Ok ok) || !ok.verb().equals("HELLO")) {
            return new HelloCheck(null, "HELLO: " + describe(hello));
        }
        DeviceInfo info;
        try {
            info = DeviceInfo.parse(ok);
        } catch (IllegalArgumentException e) {
            return new HelloCheck(null, "HELLO reply unreadable: " + e.getMessage());
        }
        if (info.protocol() != 1) {
            return new HelloCheck(null, "device speaks protocol " + info.protocol());
        }
        if (expectedSerial != null && !expectedSerial.equals(info.serialNumber())) {
            return new HelloCheck(null, "serial number " + info.serialNumber() + " is not the expected " + expectedSerial);
        }
        return new HelloCheck(info, null);
    }

    /** A STATUS reply as a typed status; anything else fails the caller's future with a clear reason. */
    static ArbiterStatus statusOf(Reply reply) {
        if (reply instanceof Answered a && a.frame() instanceof Frame.Ok ok && ok.verb().equals("STATUS")) {
            try {
                return ArbiterStatus.parse(ok);
            } catch (IllegalArgumentException e) {
                throw new ArbiterUnavailableException(e.getMessage());
            }
        }
        throw new ArbiterUnavailableException("STATUS: " + describe(reply));
    }

    static String describe(Reply reply) {
        if (reply instanceof Unanswered u) {
            return u.reason();
        }
        Frame f = ((Answered) reply).frame();
        return f instanceof Frame.Error e ? e.code() + " " + e.msg() : "unexpected reply " + f;
    }
}
