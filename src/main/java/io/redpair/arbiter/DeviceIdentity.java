package io.redpair.arbiter;

/** What the simulated device says about itself in HELLO. */
public record DeviceIdentity(String serialNumber, String firmware, String hardware, String capabilities) {

    public static DeviceIdentity simulator(String serialNumber) {
        return new DeviceIdentity(serialNumber, "1.2.0", "SIM", "SEL.FENCE.PSENSE.RFB.BEAT");
    }
}
