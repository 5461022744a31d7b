package io.redpair.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.redpair.testkit.Observer.Sample;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The observer must be able to fail a test: it sees overlap when two endpoints serve at once. */
class ObserverTest {

    private static Sample ok(long ms) {
        return new Sample(ms * 1_000_000 - 1, ms * 1_000_000, 200);
    }

    private static Sample no(long ms) {
        return new Sample(ms * 1_000_000 - 1, ms * 1_000_000, 404);
    }

    @Test
    void overlapGapAndMttrFromSamples() {
        ObserverReport clean = new ObserverReport(Map.of(
                "A", List.of(ok(0), ok(10), ok(20), no(30), no(40)),
                "B", List.of(no(0), no(10), no(25), ok(35), ok(45))), List.of());
        assertThat(clean.overlapMillis("A", "B")).isZero();
        assertThat(clean.dualActiveSamples("A", "B")).isZero();
        assertThat(clean.gapMillis("A", "B", 15_000_000).getAsLong()).isEqualTo(15);
        assertThat(clean.mttrMillis(22_000_000, "B").getAsLong()).isEqualTo(13);
        assertThat(clean.maxPollGapMillis("B")).isEqualTo(15);

        ObserverReport dual = new ObserverReport(Map.of(
                "A", List.of(ok(0), ok(10), ok(20), ok(30), no(40)),
                "B", List.of(no(0), no(10), ok(15), ok(25), ok(45))), List.of());
        assertThat(dual.overlapMillis("A", "B")).isEqualTo(15.0);
        assertThat(dual.dualActiveSamples("A", "B")).isPositive();

        ObserverReport singleSample = new ObserverReport(Map.of(
                "A", List.of(ok(0), ok(10), ok(20), ok(30), no(40)),
                "B", List.of(no(0), ok(15), no(25))), List.of());
        assertThat(singleSample.overlapMillis("A", "B")).isZero();
        assertThat(singleSample.dualActiveSamples("A", "B")).isEqualTo(1);
    }

    @Test
    void pollsRealEndpointsAtItsPeriodAndSeesThemServeAtOnce() throws Exception {
        AtomicBoolean bServes = new AtomicBoolean(false);
        HttpServer a = server(new AtomicBoolean(true));
        HttpServer b = server(bServes);
        try (Observer observer = Observer.start(Map.of("A", uri(a), "B", uri(b)))) {
            Thread.sleep(300);
            long turnOn = observer.mark("B starts serving");
            bServes.set(true);
            assertThat(observer.awaitServing("B", turnOn, 2_000)).isTrue();
            Thread.sleep(200);
            ObserverReport r = observer.report();
            // bounds loose enough for a loaded 2-core build machine; the point is that overlap is seen
            assertThat(r.pollCount("A")).isGreaterThan(20);
            assertThat(r.overlapMillis("A", "B")).isGreaterThan(50);
            assertThat(r.dualActiveSamples("A", "B")).isPositive();
            assertThat(r.mttrMillis(turnOn, "B").getAsLong()).isLessThan(1_000);
        } finally {
            a.stop(0);
            b.stop(0);
        }
    }

    private static HttpServer server(AtomicBoolean serving) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else Nagle + delayed ACK add 40 ms per answer
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        s.createContext("/redpair/heartbeat", ex -> {
            byte[] body = "{}".getBytes();
            ex.sendResponseHeaders(serving.get() ? 200 : 404, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        s.start();
        return s;
    }

    private static URI uri(HttpServer s) {
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/redpair/heartbeat");
    }
}
