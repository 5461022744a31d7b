package io.redpair.supervisor.control;

/**
 * What serves control requests: the running supervisor, or the one-shot runner a CLI command uses when no
 * supervisor runs. Called on a control-channel thread; implementations hand the work to their own thread.
 */
@FunctionalInterface
public interface ControlHandler {
    ControlResponse handle(ControlRequest request);
}
