package io.redpair.arbiter;

import java.util.Optional;

/** The device's refusal codes (WDA/1 section 3), each with the {@code msg} name it is sent with. */
public enum ErrorCode {
    E01("CRC"), E02("FRAME"), E03("UNKNOWN_VERB"), E04("BAD_ARG"), E05("STALE_EPOCH"), E06("NOT_PREPARED"),
    E07("BUSY"), E08("INTERLOCK"), E09("LOCAL_MODE"), E10("VERSION"), E11("NONCE_EXPIRED");

    private final String msg;

    ErrorCode(String msg) {
        this.msg = msg;
    }

    public String msg() {
        return msg;
    }

    public static Optional<ErrorCode> fromWire(String code) {
        for (ErrorCode c : values()) {
            if (c.name().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
