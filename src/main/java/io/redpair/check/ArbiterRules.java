package io.redpair.check;

import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.DeviceInfo;
import io.redpair.arbiter.Selection;
import io.redpair.check.ArbiterFacts.ArmOutcome;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * The arbiter items: HELLO answered, the serial number the site file names, the selected output equal to the box
 * that runs flows (with relay feedback), ARMable, and per box the power sense and the heartbeat line.
 */
final class ArbiterRules {

    private static final String SCOPE = "arbiter";

    private ArbiterRules() {
    }

    /** {@code active}: the one box that runs flows, or null when none or both do (the pair items say which). */
    static List<CheckItem> judge(Pair pair, ArbiterFacts f, BoxId active) {
        List<CheckItem> items = new ArrayList<>();
        if (f.device() == null) {
            items.add(CheckItem.fail(SCOPE, "hello", f.unreachable(), "Check the port ('redpair arbiter ports' lists"
                    + " them with serial numbers), the cable and the arbiter's power; 115200 8N1. If another console"
                    + " holds it armed (E07), stop that one first"));
            return items;
        }
        DeviceInfo d = f.device();
        items.add(CheckItem.pass(SCOPE, "hello", "answered on " + f.port() + ": WDA/" + d.protocol() + ", firmware "
                + d.firmware() + ", hardware " + d.hardware() + ", capabilities " + d.capabilities()));
        items.add(serial(pair, d));
        ArbiterStatus s = f.status();
        if (s == null) {
            items.add(CheckItem.fail(SCOPE, "status", f.arm().detail(), "Run 'redpair arbiter status --port "
                    + pair.arbiter().port() + "'; a device that answers HELLO but not STATUS needs its firmware checked"));
            return items;
        }
        items.add(selection(s, active));
        items.add(armable(f, s));
        for (BoxId box : BoxId.values()) {
            items.add(power(s, box));
            items.add(heartbeat(s, box, pair.policy().intervalMs() * (long) pair.policy().missedBeats()));
        }
        return items;
    }

    private static CheckItem serial(Pair pair, DeviceInfo d) {
        String expected = pair.arbiter().serialNumber();
        if (expected == null || expected.isBlank()) {
            return CheckItem.warn(SCOPE, "serial", "device " + d.serialNumber() + "; the site file names no serial number",
                    "Add \"serialNumber\": \"" + d.serialNumber() + "\" to the pair's arbiter, so RedPair finds this"
                            + " device again after a re-plug and never acts through another one");
        }
        return expected.equals(d.serialNumber()) ? CheckItem.pass(SCOPE, "serial", "serial number " + d.serialNumber()
                        + " as in the site file")
                : CheckItem.fail(SCOPE, "serial", "the device on " + pair.arbiter().port() + " is " + d.serialNumber()
                        + ", the site file expects " + expected, "This is another pair's arbiter, or the site file is"
                        + " wrong: check the label on the arbiter, then fix the port or the serialNumber in the site file");
    }

    private static CheckItem selection(ArbiterStatus s, BoxId active) {
        String seen = "selected " + s.selected() + ", relay feedback " + s.feedback();
        if (s.feedback() == ArbiterStatus.RelayFeedback.FAULT) {
            return CheckItem.fail(SCOPE, "selection", seen + ": the selector relay does not confirm its position",
                    "Check the selector relay and its feedback contact; every fence and switch is refused until fixed (E08 RFB)");
        }
        if (active == null) {
            return CheckItem.warn(SCOPE, "selection", seen + "; no single box runs flows to compare with",
                    "Fix the spare-stopped item first, then run the check again");
        }
        if (s.selected() == Selection.NONE) {
            return CheckItem.warn(SCOPE, "selection", seen + ": the field I/O is connected to no box while " + active
                    + " runs flows", "'redpair supervise' selects " + active + " when it starts; until then the plant"
                    + " is not driven");
        }
        if (s.selected() != Selection.of(active) || !s.feedback().name().equals(s.selected().name())) {
            return CheckItem.fail(SCOPE, "selection", seen + ", but " + active + " runs flows: the plant's I/O is"
                    + " wired to the box that does not act", "Check that the arbiter's outputs A/B are wired to boxes A/B as"
                    + " named in the site file; 'redpair supervise' then selects " + active);
        }
        return CheckItem.pass(SCOPE, "selection", seen + " = the active box " + active);
    }

    private static CheckItem armable(ArbiterFacts f, ArbiterStatus s) {
        ArmOutcome o = f.arm().outcome();
        if (o == ArmOutcome.HELD_ARMED || o == ArmOutcome.ARMED_THEN_DISARMED) {
            return CheckItem.pass(SCOPE, "armable", f.arm().detail());
        }
        if (o == ArmOutcome.DISARM_FAILED) {
            return CheckItem.fail(SCOPE, "armable", f.arm().detail(), "The device stays armed and raises HOSTLOST in"
                    + " a few seconds (outputs stay as they are): start 'redpair supervise', which re-arms and kicks it");
        }
        if (s.localMode()) {
            return CheckItem.fail(SCOPE, "armable", "the key switch is in LOCAL: fence and select are refused (E09)",
                    "Turn the arbiter's key switch to REMOTE");
        }
        if (s.state() == ArbiterStatus.ArmState.HOSTLOST) {
            return CheckItem.warn(SCOPE, "armable", "HOSTLOST: a host armed it and stopped kicking; not re-armed by the"
                    + " check (that would clear the alarm)", "Find out which console stopped; 'redpair supervise' re-arms"
                    + " it when it starts");
        }
        return CheckItem.warn(SCOPE, "armable", f.arm().detail() + "; ARM not tested", o == ArmOutcome.ARM_REFUSED
                ? "Read the arbiter's log ('redpair arbiter watch'); another host may hold it (E07)"
                : "Stop the console or supervisor that holds the arbiter, then run the check again");
    }

    private static CheckItem power(ArbiterStatus s, BoxId box) {
        if (s.powered(box)) {
            return new CheckItem(box.name(), "power-sense", CheckStatus.PASS, "the arbiter senses box " + box + "'s power", null);
        }
        return new CheckItem(box.name(), "power-sense", CheckStatus.FAIL, s.fenced(box)
                ? "fenced: the arbiter holds box " + box + "'s power off" : "power sense reads 0 for box " + box,
                s.fenced(box) ? "RedPair never unfences by itself: unfence box " + box + " at the arbiter once it is safe to run"
                        : "Switch box " + box + " on, or wire its supply to the arbiter's power-sense input " + box);
    }

    private static CheckItem heartbeat(ArbiterStatus s, BoxId box, long deadlineMs) {
        long age = s.heartbeatAgeMs(box);
        if (age >= 0 && age <= deadlineMs) {
            return new CheckItem(box.name(), "heartbeat-line", CheckStatus.PASS, "last edge " + age + " ms ago", null);
        }
        return new CheckItem(box.name(), "heartbeat-line", CheckStatus.FAIL, age < 0
                ? "no heartbeat edge from box " + box + " since the arbiter booted" : "silent for " + age + " ms (deadline "
                + deadlineMs + " ms)", "Wire box " + box + "'s heartbeat output (GPIO or DTR) to the arbiter's input "
                + box + " and make the box pulse it while its OS runs (docs/arbiter-protocol.md, heartbeat input)");
    }
}
