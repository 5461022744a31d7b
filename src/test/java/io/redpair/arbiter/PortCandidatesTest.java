package io.redpair.arbiter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortCandidatesTest {

    @Test
    void lastGoodThenHintThenMatchingUsbSerialThenTheRestWithoutDuplicates() {
        List<PortScanner.PortInfo> ports = List.of(new PortScanner.PortInfo("/dev/ttyS0", "uart", ""),
                new PortScanner.PortInfo("/dev/ttyUSB1", "FTDI", "A0042"), new PortScanner.PortInfo("/dev/ttyACM0", "CDC", "X1"));
        assertThat(PortCandidates.order("/dev/ttyACM0", "/dev/ttyUSB0", "A0042", ports))
                .containsExactly("/dev/ttyACM0", "/dev/ttyUSB0", "/dev/ttyUSB1", "/dev/ttyS0");
        assertThat(PortCandidates.order(null, null, null, ports)).containsExactly("/dev/ttyS0", "/dev/ttyUSB1", "/dev/ttyACM0");
    }
}
