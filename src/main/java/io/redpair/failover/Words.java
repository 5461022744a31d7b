package io.redpair.failover;

import io.redpair.pair.BoxCondition;
import java.util.Locale;

/** Plain-language fragments for reasons and notes, so every rule speaks the same way. */
final class Words {

    private Words() {
    }

    static String condition(BoxCondition c) {
        if (c == BoxCondition.RUNNING_FLOWS) {
            return "running flows";
        } else if (c == BoxCondition.STANDBY_READY) {
            return "standing by";
        } else if (c == BoxCondition.STUCK) {
            return "stuck";
        } else if (c == BoxCondition.HUNG) {
            return "hung";
        } else if (c == BoxCondition.DOWN) {
            return "down";
        } else if (c == BoxCondition.UNREACHABLE) {
            return "unreachable";
        } else if (c == BoxCondition.MISCONFIGURED) {
            return "misconfigured";
        }
        return "not heard yet";
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    static String millis(long nanos) {
        return (nanos / 1_000_000) + " ms";
    }
}
