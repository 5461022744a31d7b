package io.redpair.supervisor;

import io.redpair.failover.ArbiterView;
import io.redpair.pair.BoxId;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The supervisor's view of one pair's arbiter: the fence, the output switch and the second channel.
 * Implementations verify before they report {@link Outcome.Confirmed}: a fence only when the device said
 * fenced AND its power sense reads 0, a selection only when the relay feedback matches. Futures never
 * complete exceptionally.
 */
public interface ArbiterPort extends AutoCloseable {

    /** PREP/EXEC FENCE mode=OFF with the decision's epoch, then verify. */
    CompletableFuture<Outcome> fence(BoxId box, long epoch);

    /** PREP/EXEC SELECT with the decision's epoch, then verify the relay feedback. */
    CompletableFuture<Outcome> select(BoxId box, long epoch);

    /** Every report (link up/down, changed STATUS), on the port's thread; the runtime re-posts it. */
    void onView(Consumer<ArbiterView> listener);

    /**
     * Facts about the device itself that an operator must be able to read later (it rebooted, its host
     * watchdog expired, it was re-armed, a relay fault, the key switch), as plain sentences on the port's
     * thread; the runtime journals them and puts them on the pair's timeline. None of them is a decision input:
     * what they change (outputs, fences, epoch) arrives through {@link #onView} from a fresh STATUS.
     */
    default void onDeviceNote(Consumer<String> listener) {
    }

    /**
     * Every STATUS read and every link change, for display, on the port's thread; the runtime re-posts it.
     * A report with a null {@code status} changes only the link (the last STATUS stays the last one known).
     * Ports that cannot report leave the panel at "not reported".
     */
    default void onReport(Consumer<ArbiterSnapshot> listener) {
    }

    @Override
    void close();

    /** The verified result of an arbiter command. */
    sealed interface Outcome {
        /** The device acted and the effect was read back. */
        record Confirmed(String detail) implements Outcome {
        }

        /** Refused, unanswered, or the read-back did not show the effect. */
        record NotConfirmed(String detail) implements Outcome {
        }

        /** E05: another console holds a newer epoch. */
        record StaleEpoch(long arbiterEpoch) implements Outcome {
        }
    }
}
