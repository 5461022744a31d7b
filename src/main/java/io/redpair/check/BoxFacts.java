package io.redpair.check;

import io.redpair.nodered.FlowsDocument;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.Heartbeat;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.NodeRedSettings;
import io.redpair.nodered.Outcome;
import com.fasterxml.jackson.databind.JsonNode;

/** What one box answered, read once; the rules judge these, so each box is asked each question once. */
record BoxFacts(Outcome<NodeRedSettings> settings, Outcome<FlowsState> state, Outcome<FlowsDocument> flows,
                Outcome<Heartbeat> heartbeat, Outcome<JsonNode> diagnostics) {

    static BoxFacts read(NodeRedClient client, String heartbeatPath) {
        Outcome<NodeRedSettings> settings = client.settings();
        Outcome<FlowsState> state = client.flowsState();
        Outcome<FlowsDocument> flows = client.flows();
        Outcome<Heartbeat> heartbeat = heartbeatPath == null ? null : client.heartbeat(heartbeatPath);
        return new BoxFacts(settings, state, flows, heartbeat, client.diagnostics());
    }

    boolean runsFlows() {
        return state.isOk() && state.value() == FlowsState.START;
    }
}
