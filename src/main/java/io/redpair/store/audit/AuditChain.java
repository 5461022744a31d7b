package io.redpair.store.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of a row: SHA-256 over a canonical encoding of every column but {@code hash} itself, the
 * previous row's hash included. Each field is written as its UTF-8 length (4 bytes) and bytes, so no
 * two different rows encode alike (no separator can be smuggled into a field).
 */
final class AuditChain {

    /** The {@code prev_hash} of the first row. */
    static final String GENESIS = "0".repeat(64);
    private static final String DOMAIN = "redpair-audit-v1";

    private AuditChain() {
    }

    static String hash(AuditRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : new String[] {DOMAIN, Long.toString(r.seq()), r.ts(), r.host(), r.user(), r.category(),
                r.type(), r.target(), r.result(), Long.toString(r.epoch()), r.details(), r.prevHash()}) {
            byte[] bytes = (field == null ? "\u0000null" : field).getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length >>> 24);
            out.write(bytes.length >>> 16);
            out.write(bytes.length >>> 8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
