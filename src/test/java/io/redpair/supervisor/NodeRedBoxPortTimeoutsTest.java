package io.redpair.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.nodered.Timeouts;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The probe timeouts derived from the pair's policy: the read limit stays below the deadline; over http a
 * connect waits at most one interval (a dropped SYN must not blind the serial prober past a healed link),
 * over https it keeps the probe limit (the TLS handshake is served by the box's event loop).
 */
class NodeRedBoxPortTimeoutsTest {

    private static Pair pair(int intervalMs, int missed) {
        BoxConfig box = new BoxConfig(URI.create("http://10.0.0.1:1880"), AuthRef.none(), null, null);
        return new Pair("p", "P", Map.of(BoxId.A, box, BoxId.B, box), BoxId.A, null, null,
                new Policy(intervalMs, missed, true, 600, 3000, Policy.Fencing.API_ONLY));
    }

    @Test
    void httpConnectsWaitOneIntervalAndProbesStayBelowTheDeadline() {
        Timeouts t = NodeRedBoxPort.timeoutsFor(pair(250, 4), URI.create("http://10.0.0.1:1880"));
        assertThat(t.probe()).isEqualTo(Duration.ofMillis(750));
        assertThat(t.connect()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void boundsApplyToShortAndLongIntervals() {
        assertThat(NodeRedBoxPort.timeoutsFor(pair(100, 2), URI.create("http://h")).connect()).isEqualTo(Duration.ofMillis(200));
        Timeouts slow = NodeRedBoxPort.timeoutsFor(pair(2000, 3), URI.create("http://h"));
        assertThat(slow.probe()).isEqualTo(Duration.ofMillis(1000));
        assertThat(slow.connect()).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void httpsKeepsTheProbeLimitForTheHandshake() {
        Timeouts t = NodeRedBoxPort.timeoutsFor(pair(250, 4), URI.create("https://10.0.0.1:1880"));
        assertThat(t.connect()).isEqualTo(Duration.ofMillis(750));
    }
}
