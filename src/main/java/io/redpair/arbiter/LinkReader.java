package io.redpair.arbiter;

/**
 * The link's reader loop: reads in short slices (semi-blocking), decodes, and drives retransmission
 * timing between slices. A read of -1 or an exception (jSerialComm throws unchecked ones when the port
 * vanishes) reports the port lost at once. A new transport gets a fresh decoder so half a frame from an
 * old port can never be glued to bytes from a new one.
 */
final class LinkReader {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LinkReader.class);

    private final ArbiterHostLink link;
    private final byte[] buffer = new byte[512];
    private FrameDecoder decoder = new FrameDecoder();
    private Transport decoding;

    LinkReader(ArbiterHostLink link) {
        this.link = link;
    }

    void run() {
        while (!link.closed() && !Thread.currentThread().isInterrupted()) {
            try {
                Transport t = link.transport();
                if (t == null) {
                    idle();
                } else {
                    readOnce(t);
                }
                link.tick();
            } catch (RuntimeException e) {
                log.error("arbiter reader: unexpected failure, continuing", e); // a bug must not silence the line
            }
        }
    }

    private void readOnce(Transport t) {
        if (t != decoding) {
            decoder = new FrameDecoder();
            decoding = t;
        }
        int n;
        String why = null;
        try {
            n = t.read(buffer, 10);
        } catch (Exception e) {
            n = -1;
            why = e.toString();
        }
        if (n < 0) {
            link.lost(t, "port " + t.name() + " vanished" + (why == null ? "" : " (" + why + ")"));
            return;
        }
        decoder.feed(buffer, 0, n, result -> {
            if (result instanceof FrameDecoder.Accepted a) {
                link.onFrame(a.frame());
            }
        });
    }

    private static void idle() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
