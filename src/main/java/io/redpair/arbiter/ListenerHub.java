package io.redpair.arbiter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers link events to listeners, each on the executor it chose. A listener that throws is logged,
 * never allowed to kill the link's threads or silence the other listeners.
 */
final class ListenerHub {

    private static final Logger log = LoggerFactory.getLogger(ListenerHub.class);

    private record Registration(ArbiterListener listener, Executor executor) {
    }

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    void add(ArbiterListener listener, Executor executor) {
        registrations.add(new Registration(listener, executor));
    }

    void remove(ArbiterListener listener) {
        registrations.removeIf(r -> r.listener == listener);
    }

    void publish(LinkEvent event) {
        for (Registration r : registrations) {
            try {
                r.executor.execute(() -> deliver(r.listener, event));
            } catch (RuntimeException e) {
                log.warn("arbiter listener executor refused {}: {}", event, e.toString());
            }
        }
    }

    private static void deliver(ArbiterListener listener, LinkEvent event) {
        try {
            listener.on(event);
        } catch (RuntimeException e) {
            log.error("arbiter listener failed on {}", event, e);
        }
    }
}
