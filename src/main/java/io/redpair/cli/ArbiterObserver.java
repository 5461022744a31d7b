package io.redpair.cli;

import io.redpair.arbiter.ArbiterLink;
import io.redpair.arbiter.ArbiterLinkOptions;
import io.redpair.arbiter.LinkEvent;
import io.redpair.arbiter.LinkState;
import io.redpair.arbiter.PortScanner;
import io.redpair.arbiter.SerialTransport;
import io.redpair.arbiter.Transport;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A read-only link for the CLI: exactly the given port (no scanning of other ports), never ARMed, so
 * quitting leaves the device as it was.
 */
final class ArbiterObserver {

    private ArbiterObserver() {
    }

    /** Opens and waits for HELLO; returns null (link closed) if the device did not answer in time. */
    static ArbiterLink connect(String port, String host, long timeoutMs) throws InterruptedException {
        return connect(port, host, timeoutMs, e -> { });
    }

    /** As above; {@code listener} is registered before the first byte is read, so no early event is missed. */
    static ArbiterLink connect(String port, String host, long timeoutMs, io.redpair.arbiter.ArbiterListener listener)
            throws InterruptedException {
        PortScanner onlyThisPort = new PortScanner() {
            @Override
            public List<PortInfo> ports() {
                return List.of();
            }

            @Override
            public Transport open(String path) throws IOException {
                return SerialTransport.open(path);
            }
        };
        CountDownLatch up = new CountDownLatch(1);
        ArbiterLink link = ArbiterLink.open(ArbiterLinkOptions.observer(port, host), onlyThisPort, e -> {
            listener.on(e);
            if (e instanceof LinkEvent.LinkUp) {
                up.countDown();
            }
        }, Runnable::run);
        if (link.state() != LinkState.UP && !up.await(timeoutMs, TimeUnit.MILLISECONDS)) {
            link.close();
            return null;
        }
        return link;
    }
}
