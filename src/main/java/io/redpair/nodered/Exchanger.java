package io.redpair.nodered;

import java.util.concurrent.CompletableFuture;
import okhttp3.Request;

/**
 * Sends one request: {@link HttpTransport#execute} (blocking, future already complete) or
 * {@link HttpTransport#enqueue} (asynchronous). The auth and retry logic is written once against
 * this and so behaves identically in both modes.
 */
@FunctionalInterface
interface Exchanger {
    CompletableFuture<Outcome<Answer>> send(Request request, CallKind kind, long capBytes, long t0);
}
