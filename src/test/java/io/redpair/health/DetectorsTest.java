package io.redpair.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.health.DeadlineDetector.Status;
import org.junit.jupiter.api.Test;

/** The deadline detector (decisions) and the phi-accrual detector (display), on a fake clock. */
class DetectorsTest {

    private static final long MS = 1_000_000L;

    @Test
    void neverHeardIsNotAlive() {
        DeadlineDetector d = DeadlineDetector.ofMillis(250, 4);
        assertThat(d.status(0)).isEqualTo(Status.NEVER_HEARD);
        assertThat(d.status(3_600_000 * MS)).isEqualTo(Status.NEVER_HEARD);
    }

    @Test
    void aliveUntilTheDeadlineThenDead() {
        DeadlineDetector d = DeadlineDetector.ofMillis(250, 4);
        d.heartbeat(100 * MS);
        assertThat(d.status(200 * MS)).isEqualTo(Status.ALIVE);
        d.missed(350 * MS);
        assertThat(d.status(600 * MS)).isEqualTo(Status.LATE);
        assertThat(d.status(1099 * MS)).isEqualTo(Status.LATE);
        assertThat(d.status(1100 * MS)).isEqualTo(Status.DEAD);
        assertThat(d.missedCount()).isEqualTo(1);
        d.heartbeat(1200 * MS);
        assertThat(d.status(1200 * MS)).isEqualTo(Status.ALIVE);
        assertThat(d.missedCount()).isZero();
    }

    @Test
    void silenceWithoutAnyProbeResultAlsoExpires() {
        DeadlineDetector d = DeadlineDetector.ofMillis(250, 4);
        d.heartbeat(0);
        assertThat(d.status(1000 * MS)).isEqualTo(Status.DEAD);
    }

    @Test
    void failingSinceStartupIsDeadOnlyAfterTheDeadline() {
        DeadlineDetector d = DeadlineDetector.ofMillis(250, 4);
        d.missed(500 * MS);
        assertThat(d.status(1499 * MS)).isEqualTo(Status.NEVER_HEARD);
        assertThat(d.status(1500 * MS)).isEqualTo(Status.DEAD);
        assertThat(d.silenceNanos(1500 * MS)).isEqualTo(1000 * MS);
    }

    @Test
    void phiIsZeroBeforeAnyHeartbeatAndGrowsMonotonically() {
        PhiAccrualDetector phi = PhiAccrualDetector.forInterval(250);
        assertThat(phi.phi(10_000 * MS)).isZero();
        for (long t = 0; t <= 5000; t += 250) {
            phi.heartbeat(t * MS);
        }
        double previous = -1;
        for (long t = 5100; t <= 7000; t += 100) {
            double value = phi.phi(t * MS);
            assertThat(value).isGreaterThanOrEqualTo(previous);
            previous = value;
        }
        assertThat(phi.phi(5250 * MS)).isLessThan(1.0);
        assertThat(phi.phi(6000 * MS)).isGreaterThan(8.0);
    }
}
