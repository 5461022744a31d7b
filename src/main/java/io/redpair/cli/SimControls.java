package io.redpair.cli;

import io.redpair.arbiter.ArbiterSimulator;
import io.redpair.pair.BoxId;
import java.io.IOException;
import java.io.PrintWriter;

/** The simulator's fault controls as one-line commands (typed on arbiter-sim's stdin). */
final class SimControls {

    static final String HELP = """
            power A|B on|off    mains supply of a box (power sense follows unless fenced)
            beat A|B            one heartbeat edge from a box
            rfb on|off          break / repair the selector's relay feedback (FAULT)
            local on|off        the local/remote key switch
            silent on|off       the device stops reading and writing
            garbage N           write N random bytes onto the line
            delay MS            delay every reply and event by MS milliseconds
            reboot POR|BOR|WDT|SW   reboot with that reset cause (outputs hold)
            show                selector, fences, epoch, watchdog state, actuations
            quit""";

    private final ArbiterSimulator sim;
    private final PrintWriter out;

    SimControls(ArbiterSimulator sim, PrintWriter out) {
        this.sim = sim;
        this.out = out;
    }

    /** Runs one control; returns false on quit. Mistakes are reported, never thrown. */
    boolean run(String line) {
        String[] w = line.split("\\s+");
        try {
            switch (w[0]) {
                case "" -> { }
                case "quit", "exit" -> { return false; }
                case "power" -> sim.setSupply(BoxId.valueOf(w[1]), on(w[2]));
                case "beat" -> sim.heartbeat(BoxId.valueOf(w[1]));
                case "rfb" -> sim.setRelayFault(on(w[1]));
                case "local" -> sim.setLocal(on(w[1]));
                case "silent" -> sim.setSilent(on(w[1]));
                case "garbage" -> sim.emitGarbage(Integer.parseInt(w[1]));
                case "delay" -> sim.setReplyDelayMs(Long.parseLong(w[1]));
                case "reboot" -> sim.reboot(w.length > 1 ? w[1] : "SW");
                case "show" -> out.printf("sel=%s fA=%s fB=%s epoch=%d st=%s actuations=%d%n", sim.selected(),
                        sim.fenced(BoxId.A), sim.fenced(BoxId.B), sim.epoch(), sim.armState(), sim.actuations());
                default -> out.println(HELP);
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException | IOException e) {
            out.println("? " + line + " (" + e.getMessage() + "); type 'help'");
        }
        out.flush();
        return true;
    }

    private static boolean on(String word) {
        if (!word.equals("on") && !word.equals("off")) {
            throw new IllegalArgumentException("say on or off");
        }
        return word.equals("on");
    }
}
