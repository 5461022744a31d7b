package io.redpair.arbiter;

import io.redpair.pair.BoxId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * RedPair's side of the WDA/1 line. All I/O runs on the link's own threads; every method returns at
 * once. Dangerous verbs always go PREP then EXEC with the caller's epoch. While the link is down,
 * commands complete with {@link CommandResult.LinkDown} (never with an exception) and the link keeps
 * looking for the device by its serial number.
 */
public interface ArbiterLink extends AutoCloseable {

    /** Starts connecting in the background; watch {@link LinkEvent.LinkUp}/{@link LinkEvent.LinkDown}. */
    static ArbiterLink open(ArbiterLinkOptions options, PortScanner ports) {
        return ArbiterHostLink.start(options, ports, null, null);
    }

    /** As {@link #open(ArbiterLinkOptions, PortScanner)}, with a listener registered before any byte is read. */
    static ArbiterLink open(ArbiterLinkOptions options, PortScanner ports, ArbiterListener listener, Executor executor) {
        return ArbiterHostLink.start(options, ports, listener, executor);
    }

    LinkState state();

    /** What the last successful HELLO reported. */
    Optional<DeviceInfo> device();

    /** Completes with the device's STATUS, or exceptionally with {@link ArbiterUnavailableException}. */
    CompletableFuture<ArbiterStatus> status();

    CompletableFuture<CommandResult> select(Selection target, long epoch);

    default CompletableFuture<CommandResult> select(BoxId box, long epoch) {
        return select(Selection.of(box), epoch);
    }

    /** {@code holdMs} is used for CYCLE only. */
    CompletableFuture<CommandResult> fence(BoxId box, FenceMode mode, int holdMs, long epoch);

    default CompletableFuture<CommandResult> fence(BoxId box, long epoch) {
        return fence(box, FenceMode.OFF, 0, epoch);
    }

    CompletableFuture<CommandResult> unfence(BoxId box, long epoch);

    CompletableFuture<CommandResult> disarm();

    /** {@code executor} is where the listener runs (the GUI passes Platform::runLater, the CLI a direct executor). */
    void addListener(ArbiterListener listener, Executor executor);

    void removeListener(ArbiterListener listener);

    /** Stops the threads and closes the port. Does not DISARM: closing never disarms the device. */
    @Override
    void close();
}
