package io.redpair.cli;

/** Exit codes of every command (documented in the README). */
public final class ExitCodes {
    public static final int OK = 0;
    /** A check or verification ran and found something wrong (e.g. a failed commissioning item). */
    public static final int FAILED = 1;
    /** Bad arguments (picocli's own usage errors use this too). */
    public static final int USAGE = 2;
    /** The site file or another input is invalid; the message names the file, line and key. */
    public static final int BAD_INPUT = 3;
    /** A box or the arbiter could not be reached. */
    public static final int UNREACHABLE = 4;
    /** The request was refused for safety (wrong state, stale epoch, another supervisor holds the site). */
    public static final int REFUSED = 5;
    /** An unexpected internal error. */
    public static final int SOFTWARE = 70;

    private ExitCodes() {
    }
}
