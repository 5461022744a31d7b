package io.redpair.arbiter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stop-and-wait request/reply bookkeeping of the host, as a pure state machine (no threads, no clock:
 * {@code now} is passed in). One command is in flight at a time, because the device acts in order and a
 * PREP must not be overtaken. A command unanswered for 300 ms is retransmitted with the SAME bytes (same
 * seq, so the device's reply cache answers instead of executing twice); after 3 retransmissions the
 * link is declared down and everything queued fails. Sequence numbers wrap and never use FFFF, which
 * the device reserves for diagnostics. Not thread-safe: the link guards it with one lock.
 */
final class RequestTracker {

    static final long REPLY_TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    static final int RETRANSMISSIONS = 3;

    /** What a request ends with: a frame from the device, or no answer at all. */
    sealed interface Reply permits Answered, Unanswered {
    }

    record Answered(Frame frame) implements Reply {
    }

    /** {@code sentAtLeastOnce} tells the caller the device may have acted (relevant for EXEC). */
    record Unanswered(String reason, boolean sentAtLeastOnce) implements Reply {
    }

    /** Side effects for the caller to perform outside its lock: bytes to write, futures to complete. */
    record Step(List<byte[]> toSend, List<Runnable> completions, boolean linkDown) {
        static Step none() {
            return new Step(List.of(), List.of(), false);
        }

        void completeAll() {
            completions.forEach(Runnable::run);
        }
    }

    private static final class Request {
        final ArbiterCommand command;
        final CompletableFuture<Reply> reply;
        byte[] bytes;
        int seq;
        long sentAt;
        int retransmissions;

        Request(ArbiterCommand command, CompletableFuture<Reply> reply) {
            this.command = command;
            this.reply = reply;
        }
    }

    private final Deque<Request> queue = new ArrayDeque<>();
    private Request inFlight;
    private int nextSeq;

    RequestTracker(int firstSeq) {
        this.nextSeq = firstSeq & 0xFFFF;
    }

    /**
     * Queues a command; returns the bytes to write now if the line was idle. An EXEC goes to the front:
     * its nonce lives 3 s, and a slow device must not let routine KICKs and STATUS polls (every
     * host_to/4) queue up in front of it until the prepared fence or selection expires.
     */
    Step submit(ArbiterCommand command, CompletableFuture<Reply> reply, long now) {
        if (command instanceof ArbiterCommand.Exec) {
            queue.addFirst(new Request(command, reply));
        } else {
            queue.add(new Request(command, reply));
        }
        return inFlight == null ? startNext(now, new ArrayList<>()) : Step.none();
    }

    /** A reply from the device; replies to anything but the command in flight are ignored (late duplicates). */
    Step onReply(Frame frame, long now) {
        int seq = frame instanceof Frame.Ok ok ? ok.seq() : frame instanceof Frame.Error er ? er.seq() : -1;
        if (inFlight == null || seq != inFlight.seq) {
            return Step.none();
        }
        Request done = inFlight;
        inFlight = null;
        List<Runnable> completions = new ArrayList<>();
        completions.add(() -> done.reply.complete(new Answered(frame)));
        return startNext(now, completions);
    }

    /** Retransmits or gives up; call at least every few tens of ms. */
    Step tick(long now) {
        if (inFlight == null || now - inFlight.sentAt < REPLY_TIMEOUT_NANOS) {
            return Step.none();
        }
        if (inFlight.retransmissions < RETRANSMISSIONS) {
            inFlight.retransmissions++;
            inFlight.sentAt = now;
            return new Step(List.of(inFlight.bytes), List.of(), false);
        }
        Step failed = failAll("no reply to " + inFlight.command.verb() + " " + Crc16.hex4(inFlight.seq)
                + " after " + RETRANSMISSIONS + " retransmissions");
        return new Step(List.of(), failed.completions(), true);
    }

    /** Fails the command in flight and everything queued (port gone, link closed). */
    Step failAll(String reason) {
        List<Runnable> completions = new ArrayList<>();
        if (inFlight != null) {
            Request r = inFlight;
            completions.add(() -> r.reply.complete(new Unanswered(reason, true)));
            inFlight = null;
        }
        for (Request r : queue) {
            completions.add(() -> r.reply.complete(new Unanswered(reason, false)));
        }
        queue.clear();
        return new Step(List.of(), completions, false);
    }

    boolean idle() {
        return inFlight == null && queue.isEmpty();
    }

    private Step startNext(long now, List<Runnable> completions) {
        Request r = queue.poll();
        if (r == null) {
            return new Step(List.of(), completions, false);
        }
        r.seq = allocateSeq();
        r.bytes = WireFormat.encodeBytes(r.command.toFrame(r.seq));
        r.sentAt = now;
        inFlight = r;
        return new Step(List.of(r.bytes), completions, false);
    }

    private int allocateSeq() {
        int seq = nextSeq;
        nextSeq = (nextSeq + 1) & 0xFFFF;
        if (nextSeq == Frame.DIAGNOSTIC_SEQ) {
            nextSeq = 0;
        }
        return seq == Frame.DIAGNOSTIC_SEQ ? allocateSeq() : seq;
    }
}
