package io.redpair.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedPairCommandErrorTest {

    @Test
    void namesTheRootCauseWhenTheMessageHidesIt() {
        var ex = new RuntimeException("Exception in Application start method",
                new IllegalStateException("wrap", new NoClassDefFoundError("java/util/logging/Logger")));

        assertThat(RedPairCommand.describe(ex)).isEqualTo("Exception in Application start method"
                + " (caused by java.lang.NoClassDefFoundError: java/util/logging/Logger)");
    }

    @Test
    void plainMessageStaysPlain() {
        assertThat(RedPairCommand.describe(new IllegalArgumentException("no such pair: line9"))).isEqualTo("no such pair: line9");
    }
}
