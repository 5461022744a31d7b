package io.redpair.pair;

/** The serial arbiter of a pair: found by its serial number; {@code port} is only a first guess. */
public record ArbiterConfig(String port, String serialNumber, int baud) {
}
