package io.redpair.flows.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSetLoader;
import io.redpair.flows.FlowSources;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.nodered.DeployType;
import io.redpair.nodered.FlowsState;
import io.redpair.nodered.NodeRedClient;
import io.redpair.nodered.Outcome;
import io.redpair.pair.BoxId;
import io.redpair.pair.Role;
import io.redpair.testkit.NodeRedBoxes;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Push plans executed against a real pair: box A active (flows running), box B a hot spare booted with flows
 * stopped. The source is the canary tab (so A keeps serving its heartbeat) plus a work tab and an MQTT broker
 * config node whose credentials come in the v2 credentials map.
 */
class PushExecutorOnRealNodeRedTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<BoxId, Role> ROLES = Map.of(BoxId.A, Role.ACTIVE, BoxId.B, Role.STANDBY);

    private NodeRedProcess active;
    private NodeRedProcess spare;
    private NodeRedClient a;
    private NodeRedClient b;

    @BeforeEach
    void startPair() {
        active = BOXES.start(BoxOptions.defaults());
        spare = BOXES.start(BoxOptions.defaults().withBootStopped(true));
        a = NodeRedClient.create(active.endpoint());
        b = NodeRedClient.create(spare.endpoint());
    }

    @AfterEach
    void closeClients() {
        a.close();
        b.close();
    }

    @Test
    void pushGoesToTheStoppedSpareFirstKeepsItStoppedAndBothRevisionsMatch() throws Exception {
        FlowSet source = source("step 1");
        PushPlan plan = plan(source);
        assertThat(plan.steps()).extracting(PushStep::box).containsExactly(BoxId.B, BoxId.A);
        assertThat(plan.steps()).allSatisfy(s -> assertThat(s.advice().needed()).isTrue());

        PushResult result = PushExecutor.execute(plan, Map.of(BoxId.A, a, BoxId.B, b));

        assertThat(result.completed()).as(result.summary()).isTrue();
        assertThat(result.consistent()).isTrue();
        assertThat(result.steps()).allMatch(s -> s instanceof StepResult.Deployed);
        assertThat(b.flowsState().value()).isEqualTo(FlowsState.STOP);
        assertThat(b.heartbeat(BoxOptions.CANARY_PATH)).isInstanceOf(Outcome.NotFound.class);
        assertThat(a.flows().value().rev()).isEqualTo(source.revision());
        assertThat(b.flows().value().rev()).isEqualTo(source.revision());
        active.awaitHeartbeat(Duration.ofSeconds(10));
        assertThat(result.summary()).startsWith("Push completed; both boxes carry revision " + source.revision().substring(0, 12));
    }

    @Test
    void credentialsArePushedAndSurviveARePushAndARollbackWithoutThem() throws Exception {
        PushExecutor.execute(plan(source("step 1")), Map.of(BoxId.A, a, BoxId.B, b));
        assertThat(storedCredentials(active)).isEqualTo(JSON.readTree("{\"user\":\"plant\",\"has_password\":true}"));
        assertThat(storedCredentials(spare)).isEqualTo(JSON.readTree("{\"user\":\"plant\",\"has_password\":true}"));

        Map<BoxId, FlowSet> snapshot = Map.of(BoxId.A, FlowSources.fromNodeRed(active.endpoint(), "A"),
                BoxId.B, FlowSources.fromNodeRed(spare.endpoint(), "B")); // what GET /flows gives: no credentials
        FlowSet changed = FlowSetLoader.fromTree("edited", edit(snapshot.get(BoxId.A).flowsArray(), "step 2"));
        PushResult second = PushExecutor.execute(plan(changed), Map.of(BoxId.A, a, BoxId.B, b));
        assertThat(second.completed()).as(second.summary()).isTrue();
        assertThat(storedCredentials(active)).isEqualTo(JSON.readTree("{\"user\":\"plant\",\"has_password\":true}"));
        assertThat(storedCredentials(spare)).isEqualTo(JSON.readTree("{\"user\":\"plant\",\"has_password\":true}"));

        PushPlan rollback = PushPlan.perBox(snapshot.get(BoxId.A), snapshot, ROLES, current());
        assertThat(rollback.warnings()).isEmpty();
        PushResult back = PushExecutor.execute(rollback, Map.of(BoxId.A, a, BoxId.B, b));

        assertThat(back.completed()).as(back.summary()).isTrue();
        assertThat(a.flows().value().rev()).isEqualTo(snapshot.get(BoxId.A).revision());
        assertThat(storedCredentials(active)).isEqualTo(JSON.readTree("{\"user\":\"plant\",\"has_password\":true}"));
        assertThat(storedCredentials(spare)).isEqualTo(JSON.readTree("{\"user\":\"plant\",\"has_password\":true}"));
    }

    @Test
    void aPlanThatRemovesACredentialHoldingNodeWarnsThatItsCredentialsAreLost() throws Exception {
        PushExecutor.execute(plan(source("step 1")), Map.of(BoxId.A, a, BoxId.B, b));
        ArrayNode withoutBroker = JSON.createArrayNode();
        a.flows().value().flows().forEach(n -> {
            if (!n.path("id").asText().equals("broker1")) {
                withoutBroker.add(n);
            }
        });

        PushPlan plan = plan(FlowSetLoader.fromTree("no broker", withoutBroker));

        assertThat(plan.warnings()).hasSize(2).allSatisfy(w -> assertThat(w)
                .contains("plant (mqtt-broker broker1) is removed; Node-RED deletes its stored credentials"));
        PushExecutor.execute(plan, Map.of(BoxId.A, a, BoxId.B, b));
        assertThat(storedCredentials(active)).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void aConflictOnTheSpareStopsThePlanBeforeTheActiveIsTouched() throws Exception {
        String activeRevBefore = a.flows().value().rev();
        PushPlan plan = plan(source("step 1"));
        String sneaked = b.deploy(edit(a.flows().value().flows(), "changed behind the plan"), null, DeployType.FULL, null).value();

        PushResult result = PushExecutor.execute(plan, Map.of(BoxId.A, a, BoxId.B, b));

        assertThat(result.completed()).isFalse();
        assertThat(result.steps().get(0)).isInstanceOfSatisfying(StepResult.Failed.class, f -> {
            assertThat(f.conflict()).isTrue();
            assertThat(f.box()).isEqualTo(BoxId.B);
            assertThat(f.revAfter()).isEqualTo(sneaked);
        });
        assertThat(result.steps().get(1)).isEqualTo(new StepResult.NotAttempted(BoxId.A, activeRevBefore));
        assertThat(a.flows().value().rev()).isEqualTo(activeRevBefore);
        assertThat(b.flows().value().rev()).isEqualTo(sneaked);
        assertThat(b.flowsState().value()).isEqualTo(FlowsState.STOP);
        assertThat(result.consistent()).isFalse();
        assertThat(result.summary()).startsWith("Push stopped; the boxes now carry different flows");
    }

    @Test
    void aConflictOnTheActiveAfterTheSpareTookTheNewFlowsStopsRediffsAndSaysWhatToDo() throws Exception {
        FlowSet source = source("step 1");
        PushPlan plan = plan(source);
        String[] sneaked = new String[1];
        PushProgress behindTheBack = new PushProgress() {
            @Override
            public void stepStarting(PushStep step) {
                if (step.box() == BoxId.A) { // the spare is done; an engineer deploys to the active from the editor
                    ArrayNode edited = a.flows().value().flows();
                    edited.add(JSON.createObjectNode().put("id", "editor-note").put("type", "comment")
                            .put("z", edited.get(0).path("id").asText()).put("name", "added in the editor"));
                    sneaked[0] = a.deploy(edited, null, DeployType.NODES, null).value();
                }
            }
        };

        PushResult result = PushExecutor.execute(plan, Map.of(BoxId.A, a, BoxId.B, b), behindTheBack);

        assertThat(result.steps().get(0)).isInstanceOf(StepResult.Deployed.class);
        assertThat(result.steps().get(1)).isInstanceOfSatisfying(StepResult.Failed.class, f -> {
            assertThat(f.conflict()).isTrue();
            assertThat(f.revAfter()).isEqualTo(sneaked[0]);
            assertThat(f.reason()).contains("409").contains("nothing was deployed to it")
                    .contains("Re-diff: it now carries rev " + sneaked[0].substring(0, 12))
                    .contains("removed").contains("added in the editor (comment editor-note)");
        });
        assertThat(result.conflicted()).isTrue();
        assertThat(result.completed()).isFalse();
        assertThat(result.summary()).startsWith("Push stopped; the boxes now carry different flows (B "
                + source.revision().substring(0, 12) + ", A " + sneaked[0].substring(0, 12));
        assertThat(result.nextSteps()).hasSize(2).anySatisfy(l -> assertThat(l).contains("run the push again"))
                .anySatisfy(l -> assertThat(l).contains("redpair rollback"));
        assertThat(b.flows().value().rev()).isEqualTo(source.revision());
        assertThat(b.flowsState().value()).isEqualTo(FlowsState.STOP);
        assertThat(a.flows().value().rev()).isEqualTo(sneaked[0]);
        assertThat(a.flowsState().value()).isEqualTo(FlowsState.START);
    }

    private PushPlan plan(FlowSet source) throws Exception {
        return PushPlan.of(source, ROLES, current());
    }

    private Map<BoxId, FlowSet> current() throws Exception {
        return Map.of(BoxId.A, FlowSources.fromNodeRed(active.endpoint(), "A"),
                BoxId.B, FlowSources.fromNodeRed(spare.endpoint(), "B"));
    }

    /** The canary tab plus a work tab, and a broker whose credentials arrive in the v2 map. */
    private static FlowSet source(String marker) throws Exception {
        ObjectNode doc = JSON.createObjectNode();
        doc.set("flows", edit(canary(), marker));
        doc.putObject("credentials").putObject("broker1").put("user", "plant").put("password", "s3cret");
        return FlowSetLoader.parse("source.json", JSON.writeValueAsString(doc));
    }

    /** Adds (or replaces) the work tab, whose function returns {@code marker}, and the broker config node. */
    private static ArrayNode edit(ArrayNode flows, String marker) throws Exception {
        ArrayNode out = JSON.createArrayNode();
        flows.forEach(n -> {
            if (!n.path("id").asText().startsWith("work") && !n.path("id").asText().equals("broker1")) {
                out.add(n.deepCopy());
            }
        });
        out.add(JSON.readTree("{\"id\":\"work-tab\",\"type\":\"tab\",\"label\":\"Work\"}"));
        out.add(JSON.readTree("{\"id\":\"work-fn\",\"type\":\"function\",\"z\":\"work-tab\",\"name\":\"mark\","
                + "\"func\":\"return {payload:'" + marker + "'};\",\"outputs\":1,\"x\":200,\"y\":80,\"wires\":[[]]}"));
        out.add(JSON.readTree("{\"id\":\"broker1\",\"type\":\"mqtt-broker\",\"name\":\"plant\",\"broker\":\"127.0.0.1\","
                + "\"port\":\"1\",\"clientid\":\"\",\"autoConnect\":false}"));
        return out;
    }

    private static ArrayNode canary() throws Exception {
        try (InputStream in = BoxOptions.class.getResourceAsStream("redpair-canary.json")) {
            return (ArrayNode) JSON.readTree(in);
        }
    }

    private static JsonNode storedCredentials(NodeRedProcess box) throws Exception {
        String base = box.adminUrl().toString().replaceAll("/$", "");
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create(base + "/credentials/mqtt-broker/broker1")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}
