package io.redpair.arbiter;

import java.nio.charset.StandardCharsets;

/**
 * CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, xorout 0). WDA/1 protects the bytes
 * strictly between the start character and {@code *}; check value of "123456789" is 0x29B1.
 */
public final class Crc16 {

    private Crc16() {
    }

    public static int of(byte[] data, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc ^= (data[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xFFFF;
    }

    public static int of(String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        return of(bytes, 0, bytes.length);
    }

    /** Four uppercase hex digits, the form used on the wire for CRCs, seqs, evseqs and nonces. */
    public static String hex4(int value) {
        return String.format("%04X", value & 0xFFFF);
    }
}
