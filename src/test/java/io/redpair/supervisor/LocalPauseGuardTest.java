package io.redpair.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalPauseGuardTest {

    private static final long MS = 1_000_000L;

    @Test
    void regularTicksAndJitterAreNoPause() {
        LocalPauseGuard guard = new LocalPauseGuard(250 * MS, 1000 * MS);
        assertThat(guard.onTick(0)).isZero();
        assertThat(guard.onTick(250 * MS)).isZero();
        assertThat(guard.onTick(900 * MS)).isZero(); // 650 ms late: a busy machine, not a pause
        assertThat(guard.suppressed(900 * MS)).isFalse();
    }

    @Test
    void aLongGapSuppressesConvictionsForOneDetectionWindow() {
        LocalPauseGuard guard = new LocalPauseGuard(250 * MS, 1000 * MS);
        guard.onTick(0);
        long gap = guard.onTick(5_000 * MS); // RedPair itself was stopped for 5 s
        assertThat(gap).isEqualTo(5_000 * MS);
        assertThat(guard.suppressed(5_000 * MS)).isTrue();
        assertThat(guard.suppressed(5_999 * MS)).isTrue();
        assertThat(guard.onTick(5_250 * MS)).isZero();
        assertThat(guard.suppressed(6_000 * MS)).isFalse();
    }
}
