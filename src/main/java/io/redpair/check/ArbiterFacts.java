package io.redpair.check;

import io.redpair.arbiter.ArbiterStatus;
import io.redpair.arbiter.DeviceInfo;

/**
 * What the arbiter answered, read once; {@link ArbiterRules} judges it. {@code device} is null when nothing answered
 * HELLO ({@code unreachable} says why); {@code status} is null when STATUS was not answered.
 *
 * @param port   where it was asked ("the console's supervisor link" when read through a held session)
 * @param arm    how ARMability was established
 */
public record ArbiterFacts(String port, DeviceInfo device, String unreachable, ArbiterStatus status, ArmTest arm) {

    /** Nothing answered HELLO on {@code port}. */
    public static ArbiterFacts unreachable(String port, String why) {
        return new ArbiterFacts(port, null, why, null, new ArmTest(ArmOutcome.NOT_TRIED, why));
    }

    /** How the check learnt whether the device accepts ARM; it never leaves the device in another arm state. */
    public enum ArmOutcome {
        /** The console's own supervisor holds the session and STATUS says ARMED: ARM was accepted. */
        HELD_ARMED,
        /** The supervisor's session is up but STATUS does not say ARMED. */
        HELD_NOT_ARMED,
        /** The device was DISARMED: ARM accepted, DISARM (PREP/EXEC) restored DISARMED; no output moved. */
        ARMED_THEN_DISARMED,
        /** HELLO answered but ARM was not accepted. */
        ARM_REFUSED,
        /** ARM accepted but DISARM failed: the device stays armed and goes HOSTLOST (outputs stay as they are). */
        DISARM_FAILED,
        /** Not tried; the STATUS (LOCAL, HOSTLOST, ARMED, relay FAULT) or the missing HELLO says why. */
        NOT_TRIED
    }

    /** @param detail what happened, for the checklist */
    public record ArmTest(ArmOutcome outcome, String detail) {
    }
}
