package io.redpair.arbiter;

/** What HELLO told us about the device. {@code serialNumber} is how the link recognises it on any port. */
public record DeviceInfo(int protocol, String firmware, String hardware, String serialNumber, long bootCount,
        String resetCause, String capabilities, Selection selected, long epoch, boolean localMode) {

    static DeviceInfo parse(Frame.Ok ok) {
        ArbiterStatus.Reader r = new ArbiterStatus.Reader(ok);
        return new DeviceInfo((int) r.number("proto"), r.text("fw"), r.text("hw"), r.text("sn"), r.number("boot"),
                r.text("rst"), r.text("caps"), r.oneOf("sel", Selection.class), r.number("epoch"),
                "LOCAL".equals(r.text("mode")));
    }
}
