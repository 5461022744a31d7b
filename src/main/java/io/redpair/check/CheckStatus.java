package io.redpair.check;

/** How one commissioning item ended. MANUAL: RedPair cannot see it remotely; the engineer verifies and ticks it. */
public enum CheckStatus { PASS, WARN, FAIL, MANUAL }
