package io.redpair.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.nodered.DeployType;
import io.redpair.nodered.NodeRedClient;
import io.redpair.testkit.NodeRedBoxes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The revision model checked against a real Node-RED: the rev it reports for what it loaded at boot, and the rev
 * it answers a deploy with, must both equal {@link FlowSet#revision()} of the same flows, including numbers,
 * escapes and key orders where Jackson and JavaScript write JSON differently, and with credentials on a node.
 */
class NodeRedRevisionOnRealNodeRedTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();

    private static final String TRICKY = "["
            + "{'id':'t1','type':'tab','label':'Rev ü 日本','disabled':false,'info':'line1\\nline2\\t\\u0001'},"
            + "{'id':'c1','type':'comment','z':'t1','name':'numbers','x':1.0,'y':2.50,'big':1e21,'small':1.5e-7,"
            + "'huge':12345678901234567890,'neg':-0.0,'f':0.30000000000000004,'wires':[]},"
            + "{'id':'c2','type':'comment','z':'t1','name':'keys','b':1,'10':2,'2':3,'x':10,'y':20,'wires':[]},"
            + "{'id':'c3','type':'comment','z':'t1','name':'text \\u2028 \\ud83d\\ude00 / \\\\ \\\"q\\\"','x':3,'y':4,'wires':[]},"
            + "{'id':'mb','type':'mqtt-broker','name':'b','broker':'127.0.0.1','port':'1','clientid':'',"
            + "'autoConnect':false,'credentials':{'user':'u','password':'p'}}"
            + "]";

    @Test
    void revisionsMatchWhatNodeRedReportsAtBootAndAfterADeploy() throws Exception {
        NodeRedProcess box = BOXES.start(BoxOptions.defaults());

        FlowSet booted = FlowSources.fromNodeRed(box.endpoint(), "box"); // throws if our rev differs from the box's
        assertThat(booted.revision()).hasSize(64);

        String text = TRICKY.replace('\'', '"');
        FlowSet target = FlowSetLoader.parse("tricky", text);
        ArrayNode posted = (ArrayNode) new ObjectMapper().readTree(text); // still carries the broker's credentials
        try (NodeRedClient client = NodeRedClient.create(box.endpoint())) {
            String answered = client.deploy(posted, booted.revision(), DeployType.FULL, null).value();
            assertThat(answered).isEqualTo(target.revision());
            assertThat(client.flows().value().rev()).isEqualTo(target.revision());
        }
        FlowSet reread = FlowSources.fromNodeRed(box.endpoint(), "box");
        assertThat(FlowDiffer.diff(target, reread).changes()).isEmpty();
        assertThat(reread.credentials()).isEmpty();
    }
}
