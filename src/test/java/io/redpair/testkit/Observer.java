package io.redpair.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The independent witness of a fault test: polls each box's flow-served endpoint (the canary) every
 * {@link #PERIOD_NANOS} on a thread of its own, with plain {@link HttpURLConnection} — never RedPair's client —
 * and records every answer with the monotonic time it was sent and received.
 *
 * <p>A 200 means "this box's flows were serving at some instant between send and receive"; we take the receive
 * time as that instant (the latest it can be). Anything else (404, refused, timeout) is "not seen serving".
 * The resolution is therefore one poll period plus one request latency; an overlap shorter than that can escape
 * the observer, which the test reports say.
 */
public final class Observer implements ServingWitness {

    /** Poll period per box: TESTING.md asks for at most 10 ms. */
    public static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** A frozen box keeps one poll outstanding so its first answer after SIGCONT is seen at once. */
    private static final int READ_TIMEOUT_MS = 2_000;
    private static final int CONNECT_TIMEOUT_MS = 500;

    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();
    private final List<Thread> pollers = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Mark> marks = new CopyOnWriteArrayList<>();

    /** One poll: monotonic send and receive times and the HTTP status (or a negative code, see {@link #status}). */
    public record Sample(long sentNanos, long recvNanos, int status) {
        public boolean serving() {
            return status == 200;
        }
    }

    /** A named instant the test recorded (fault injected, SIGCONT sent, ...). */
    public record Mark(String name, long nanos) {
    }

    /** Poll failed to connect (refused: process gone). */
    public static final int REFUSED = -1;
    /** Connected, no answer within the read timeout (frozen). */
    public static final int TIMEOUT = -2;
    /** Any other I/O error. */
    public static final int ERROR = -3;

    private Observer(Map<String, URI> endpoints) {
        endpoints.forEach((box, uri) -> {
            List<Sample> list = new CopyOnWriteArrayList<>();
            samples.put(box, list);
            Thread t = new Thread(() -> pollLoop(uri, list), "observer-" + box);
            t.setDaemon(true);
            pollers.add(t);
        });
    }

    /** Starts polling; {@code endpoints} maps a box name to its full canary URL. */
    public static Observer start(Map<String, URI> endpoints) {
        Observer o = new Observer(endpoints);
        o.pollers.forEach(Thread::start);
        return o;
    }

    @Override
    public long mark(String name) {
        long now = System.nanoTime();
        marks.add(new Mark(name, now));
        return now;
    }

    public List<Mark> marks() {
        return List.copyOf(marks);
    }

    private void pollLoop(URI uri, List<Sample> out) {
        long next = System.nanoTime();
        while (running.get()) {
            long sent = System.nanoTime();
            int status = status(uri);
            out.add(new Sample(sent, System.nanoTime(), status));
            next += PERIOD_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }

    private static int status(URI uri) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout(CONNECT_TIMEOUT_MS);
            c.setReadTimeout(READ_TIMEOUT_MS);
            c.setUseCaches(false);
            int code = c.getResponseCode();
            drain(code < 400 ? c.getInputStream() : c.getErrorStream());
            return code;
        } catch (ConnectException e) {
            return REFUSED;
        } catch (SocketTimeoutException e) {
            return TIMEOUT;
        } catch (IOException e) {
            return ERROR;
        }
    }

    /** Reads the body to the end so the JDK can reuse the connection (keep-alive: no port exhaustion at 200 polls/s). */
    private static void drain(InputStream in) throws IOException {
        if (in != null) {
            try (in) {
                in.readAllBytes();
            }
        }
    }

    /**
     * Waits until every box has answered a request sent at or after {@code sinceNanos}. Why: a box's last
     * completed sample can be stale — a request that reached a box just as its flows stopped may never be answered
     * (it dies in the stopped flow) and is only given up after the read timeout, so until then the newest sample is
     * the 200 before it. An end-state check must look at answers to requests sent after the fact it checks.
     */
    public void awaitAnswersSentAfter(long sinceNanos, java.time.Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (List<Sample> list : samples.values()) {
            while (list.isEmpty() || list.get(list.size() - 1).sentNanos() < sinceNanos) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the observer got no answer to a request sent in the last " + limit);
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
        }
    }

    @Override
    public ObserverReport report() {
        Map<String, List<Sample>> copy = new LinkedHashMap<>();
        samples.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return new ObserverReport(copy, List.copyOf(marks));
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : pollers) {
            t.join(READ_TIMEOUT_MS + 1_000L);
        }
    }
}
