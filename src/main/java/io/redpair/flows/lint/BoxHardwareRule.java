package io.redpair.flows.lint;

import io.redpair.flows.FlowNode;
import java.util.List;
import java.util.Locale;

/** Serial ports and GPIO pins belong to one box's hardware; the other box has different (or no) devices. */
final class BoxHardwareRule implements LintRule {

    static final String ID = "box-hardware";

    @Override
    public void check(LintInput in, FlowNode n, List<Finding> out) {
        if (!isHardware(n.type())) {
            return;
        }
        out.add(in.finding(ID, Severity.WARNING, n, "Uses hardware attached to one box (" + n.type() + "): after"
                + " a takeover the other box talks to its own device, or to none.",
                "A serial port or GPIO pin is a device of the machine the flow runs on; a takeover moves the flow,"
                        + " not the wiring.",
                "Wire the field device to both boxes through the arbiter's field-I/O selector (it switches to the"
                        + " active box), or use a network gateway (Modbus TCP, MQTT) both boxes can reach."));
    }

    static boolean isHardware(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("serial ") || t.contains("gpio") || t.startsWith("rpi-")
                || t.startsWith("pi-") || t.startsWith("i2c") || t.equals("modbus-serial");
    }
}
