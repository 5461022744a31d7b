package io.redpair.arbiter;

/**
 * How a link behaves.
 *
 * @param port           first port to try (a hint: the device is recognised by serial number)
 * @param serialNumber   the device's {@code sn}; null = accept the first device that answers HELLO, then
 *                       stick to its serial number for every rediscovery
 * @param hostName       sent in HELLO; the device refuses another host while this one has it armed
 * @param armTimeoutMs   host watchdog to ARM with (1000-60000), or 0 to never ARM (observers: status, watch)
 * @param statusPollMs   STATUS polling period, 0 = no polling
 * @param rediscoverMs   pause between rediscovery rounds while down
 */
public record ArbiterLinkOptions(String port, String serialNumber, String hostName, int armTimeoutMs,
        long statusPollMs, long rediscoverMs) {

    public ArbiterLinkOptions {
        if (armTimeoutMs != 0 && (armTimeoutMs < 1000 || armTimeoutMs > 60000)) {
            throw new IllegalArgumentException("armTimeoutMs must be 0 or 1000..60000, not " + armTimeoutMs);
        }
        if (hostName == null || !hostName.matches("[A-Za-z0-9._/:+-]{1,40}")) {
            throw new IllegalArgumentException("host name must be 1-40 of [A-Za-z0-9._/:+-]: " + hostName);
        }
    }

    /** The supervisor with the shipped probe interval (250 ms), see {@link #supervisor(String, String, String, long)}. */
    public static ArbiterLinkOptions supervisor(String port, String serialNumber, String hostName) {
        return supervisor(port, serialNumber, hostName, 250);
    }

    /**
     * The supervisor: arms with a 5 s watchdog and reads STATUS every {@code statusPollMs} (the pair's probe
     * interval). The arbiter is the second channel: a heartbeat line that falls silent must reach the decider
     * within one probe interval, as a LAN answer does, or "power off and heartbeat silent" (a confirmed down,
     * fenced at once) would only be seen after the suspect window. A STATUS is ~80 bytes each way: 250 ms is
     * ~5 % of a 115200 baud line.
     */
    public static ArbiterLinkOptions supervisor(String port, String serialNumber, String hostName, long statusPollMs) {
        return new ArbiterLinkOptions(port, serialNumber, hostName, 5000, statusPollMs, 500);
    }

    /** A read-only observer (CLI status/watch): never arms, so closing it leaves the device as it was. */
    public static ArbiterLinkOptions observer(String port, String hostName) {
        return new ArbiterLinkOptions(port, null, hostName, 0, 0, 500);
    }

    /** KICK period: a quarter of the watchdog, as the spec requires at most. */
    public long kickPeriodMs() {
        return armTimeoutMs / 4;
    }
}
