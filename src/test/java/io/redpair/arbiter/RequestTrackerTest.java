package io.redpair.arbiter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Host timing rules with time passed in: 300 ms timeout, 3 retransmissions with the same seq, then down. */
class RequestTrackerTest {

    private static final long MS = 1_000_000L;

    @Test
    void unansweredCommandIsRetransmittedThreeTimesWithTheSameBytesThenTheLinkIsDown() {
        RequestTracker t = new RequestTracker(0x0010);
        CompletableFuture<RequestTracker.Reply> reply = new CompletableFuture<>();
        RequestTracker.Step first = t.submit(new ArbiterCommand.Kick(), reply, 0);
        assertThat(text(first.toSend().get(0))).isEqualTo("$1,0010,KICK*" + Crc16.hex4(Crc16.of("1,0010,KICK")) + "\r\n");

        assertThat(t.tick(299 * MS).toSend()).isEmpty();
        for (int i = 1; i <= 3; i++) {
            RequestTracker.Step retry = t.tick(300 * MS * i);
            assertThat(retry.toSend()).singleElement().satisfies(b -> assertThat(b).isEqualTo(first.toSend().get(0)));
            assertThat(retry.linkDown()).isFalse();
        }
        RequestTracker.Step down = t.tick(1200 * MS);
        assertThat(down.linkDown()).isTrue();
        down.completeAll();
        assertThat(reply.join()).isInstanceOfSatisfying(RequestTracker.Unanswered.class,
                u -> assertThat(u.reason()).contains("after 3 retransmissions"));
    }

    @Test
    void replyCompletesTheCommandInFlightAndStartsTheNextQueuedOne() {
        RequestTracker t = new RequestTracker(0x0001);
        CompletableFuture<RequestTracker.Reply> a = new CompletableFuture<>();
        CompletableFuture<RequestTracker.Reply> b = new CompletableFuture<>();
        t.submit(new ArbiterCommand.Kick(), a, 0);
        assertThat(t.submit(new ArbiterCommand.Status(), b, 0).toSend()).as("stop and wait").isEmpty();

        RequestTracker.Step late = t.onReply(new Frame.Ok(0x0000, "KICK", java.util.List.of()), 5 * MS);
        assertThat(late.toSend()).as("a reply to another seq is ignored").isEmpty();

        RequestTracker.Step next = t.onReply(new Frame.Ok(0x0001, "KICK", java.util.List.of(Field.of("left", 5000))), 5 * MS);
        next.completeAll();
        assertThat(a).isCompleted();
        assertThat(text(next.toSend().get(0))).startsWith("$1,0002,STATUS*");
        assertThat(b).isNotDone();
    }

    @Test
    void execOvertakesQueuedRoutineCommandsSoItsNonceDoesNotExpire() {
        RequestTracker t = new RequestTracker(0x0001);
        t.submit(new ArbiterCommand.Status(), new CompletableFuture<>(), 0);
        t.submit(new ArbiterCommand.Kick(), new CompletableFuture<>(), 0);
        t.submit(new ArbiterCommand.Kick(), new CompletableFuture<>(), 0);
        t.submit(new ArbiterCommand.Exec(0x7F3A), new CompletableFuture<>(), 0);

        RequestTracker.Step next = t.onReply(new Frame.Ok(0x0001, "STATUS", java.util.List.of()), 5 * MS);

        assertThat(text(next.toSend().get(0))).startsWith("$1,0002,EXEC,nonce=7F3A*");
    }

    @Test
    void sequenceNumbersWrapAndNeverUseFFFF() {
        RequestTracker t = new RequestTracker(0xFFFD);
        StringBuilder seqs = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            RequestTracker.Step s = t.submit(new ArbiterCommand.Kick(), new CompletableFuture<>(), 0);
            String line = text(s.toSend().get(0));
            seqs.append(line, 3, 7).append(' ');
            t.onReply(new Frame.Ok(Integer.parseInt(line.substring(3, 7), 16), "KICK", java.util.List.of()), 0);
        }
        assertThat(seqs.toString().trim()).isEqualTo("FFFD FFFE 0000 0001");
    }

    @Test
    void failAllAnswersEveryWaiter() {
        RequestTracker t = new RequestTracker(1);
        CompletableFuture<RequestTracker.Reply> a = new CompletableFuture<>();
        CompletableFuture<RequestTracker.Reply> b = new CompletableFuture<>();
        t.submit(new ArbiterCommand.Kick(), a, 0);
        t.submit(new ArbiterCommand.Kick(), b, 0);
        t.failAll("port vanished").completeAll();
        assertThat(a.join()).isEqualTo(new RequestTracker.Unanswered("port vanished", true));
        assertThat(b.join()).isEqualTo(new RequestTracker.Unanswered("port vanished", false));
        assertThat(t.idle()).isTrue();
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
