package io.redpair.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxCondition;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import io.redpair.pair.Site;
import io.redpair.store.Journal;
import io.redpair.store.SecretResolver;
import io.redpair.testkit.NodeRedBoxes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift against a real pair: flows deployed to the spare behind RedPair's back (the test's own HTTP call, not
 * RedPair's client) show as drift in the snapshot with one timeline line, never as an action; deploying the
 * same flows again clears it with one line. The reading rate is shortened (2 s, confirmed over 1 s) so the
 * test does not wait the shipped 30 s.
 */
class FlowsDriftOnRealNodeRedTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();
    static final String PAIR = "line1";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final List<SupervisorEvent> events = new CopyOnWriteArrayList<>();
    Journal journal;
    Supervisor supervisor;

    @AfterEach
    void tearDown() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (journal != null) {
            journal.close();
        }
    }

    @Test
    void flowsDeployedToTheSpareBehindRedPairsBackShowAsDriftUntilTheyMatchAgain() throws Exception {
        NodeRedProcess a = BOXES.start(BoxOptions.defaults());
        NodeRedProcess b = BOXES.start(BoxOptions.defaults().withBootStopped(true));
        supervise(a, b);
        PairSnapshot start = await("both revisions read and equal",
                p -> p.drift().state() == FlowsDrift.State.MATCH && p.mode() == io.redpair.failover.Mode.PROTECTED);
        String original = start.drift().revA();
        assertThat(start.boxes().get(BoxId.A).nodeRedVersion()).matches("\\d+\\.\\d+\\.\\d+.*")
                .isEqualTo(start.boxes().get(BoxId.B).nodeRedVersion());
        assertThat(start.boxes().get(BoxId.B).flowsRev()).isEqualTo(original);

        ArrayNode flows = getFlows(b);
        ObjectNode extra = flows.addObject();
        extra.put("id", "drifttab0000001").put("type", "tab").put("label", "Changed behind RedPair's back");
        String changed = deploy(b, flows);
        assertThat(changed).isNotEqualTo(original);

        PairSnapshot drifted = await("drift", p -> p.drift().differs());
        assertThat(drifted.drift()).isEqualTo(new FlowsDrift(FlowsDrift.State.DIFFER, original, changed));
        assertThat(drifted.boxes().get(BoxId.B).condition()).as("deploy to a stopped box keeps it stopped")
                .isEqualTo(BoxCondition.STANDBY_READY);
        assertThat(drifted.mode()).isEqualTo(io.redpair.failover.Mode.PROTECTED);
        assertThat(notes("flows-drift")).containsExactly("Flows differ: A rev " + FlowsDrift.shortRev(original)
                + ", B rev " + FlowsDrift.shortRev(changed));

        flows.remove(flows.size() - 1);
        assertThat(deploy(b, flows)).isEqualTo(original);

        PairSnapshot matched = await("match again", p -> p.drift().state() == FlowsDrift.State.MATCH);
        assertThat(matched.drift().revB()).isEqualTo(original);
        assertThat(notes("flows-match")).containsExactly("Flows match again: both boxes at rev "
                + FlowsDrift.shortRev(original));
        assertThat(notes("flows-drift")).as("announced once, not every reading").hasSize(1);
        assertThat(events).as("drift is a warning: no box command")
                .noneMatch(e -> e instanceof SupervisorEvent.CommandFinished c && c.box() == BoxId.B);
        assertThat(matched.timeline()).anyMatch(e -> e instanceof SupervisorEvent.Noted n && n.type().equals("flows-drift"));
    }

    private void supervise(NodeRedProcess a, NodeRedProcess b) {
        Pair pair = new Pair(PAIR, "Line 1", Map.of(BoxId.A, new BoxConfig(a.adminUrl(), AuthRef.none(), null),
                BoxId.B, new BoxConfig(b.adminUrl(), AuthRef.none(), null)), BoxId.A, BoxOptions.CANARY_PATH, null,
                Policy.defaults());
        journal = Journal.open(dir.resolve("site.journal.db"));
        supervisor = Supervisor.create(new Site("Drift lab", List.of(pair)), journal,
                new BoxFactsReader.Timing(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        supervisor.subscribe(Runnable::run, events::add);
        supervisor.start(NodeRedBoxPort.factory(new SecretResolver()));
    }

    private List<String> notes(String type) {
        return events.stream().filter(e -> e instanceof SupervisorEvent.Noted n && n.type().equals(type))
                .map(e -> ((SupervisorEvent.Noted) e).text()).toList();
    }

    private ArrayNode getFlows(NodeRedProcess box) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(flowsUrl(box)).header("Node-RED-API-Version", "v2")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return (ArrayNode) JSON.readTree(r.body()).get("flows");
    }

    /** POST /flows (v2, unconditional, full); returns the new rev. */
    private String deploy(NodeRedProcess box, ArrayNode flows) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.set("flows", flows);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(flowsUrl(box)).header("Node-RED-API-Version", "v2")
                .header("Content-Type", "application/json").header("Node-RED-Deployment-Type", "full")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        return answer.get("rev").asText();
    }

    private static URI flowsUrl(NodeRedProcess box) {
        return box.adminUrl().resolve("flows");
    }

    private PairSnapshot await(String what, Predicate<PairSnapshot> wanted) throws InterruptedException {
        long until = System.nanoTime() + LIMIT.toNanos();
        PairSnapshot last = null;
        while (System.nanoTime() < until) {
            last = supervisor.snapshot().join().pair(PAIR).orElseThrow();
            if (wanted.test(last)) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("not " + what + " within " + LIMIT.toSeconds() + " s; last " + last);
    }
}
