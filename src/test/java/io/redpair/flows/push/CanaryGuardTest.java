package io.redpair.flows.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSetLoader;
import org.junit.jupiter.api.Test;

/** A push keeps the pair's canary endpoint, or it is refused before anything is deployed. */
class CanaryGuardTest {

    private static final String PATH = "/redpair/heartbeat";

    private static FlowSet flows(String json) throws Exception {
        return FlowSetLoader.parse("flows.json", json);
    }

    private static String httpIn(String url, String extra) {
        return "{\"id\":\"h\",\"type\":\"http in\",\"z\":\"t\",\"url\":\"" + url + "\",\"method\":\"get\"" + extra
                + ",\"wires\":[[]]}";
    }

    @Test
    void flowsServingTheCanaryPathPass() throws Exception {
        assertThat(CanaryGuard.missing(flows("[{\"id\":\"t\",\"type\":\"tab\"}," + httpIn(PATH, "") + "]"), PATH)).isEmpty();
        assertThat(CanaryGuard.missing(flows("[{\"id\":\"t\",\"type\":\"tab\"}," + httpIn("redpair/heartbeat", "") + "]"), PATH))
                .as("the editor accepts the url without its leading slash").isEmpty();
    }

    @Test
    void flowsWithoutTheEndpointOrWithItDisabledAreRefusedWithWhatToDo() throws Exception {
        assertThat(CanaryGuard.missing(flows("[{\"id\":\"t\",\"type\":\"tab\"}," + httpIn("/other", "") + "]"), PATH))
                .get().asString().contains("canary path /redpair/heartbeat").contains("redpair canary install");
        assertThat(CanaryGuard.missing(flows("[{\"id\":\"t\",\"type\":\"tab\"}," + httpIn(PATH, ",\"d\":true") + "]"), PATH))
                .as("a disabled node serves nothing").isPresent();
        assertThat(CanaryGuard.missing(flows("[{\"id\":\"t\",\"type\":\"tab\",\"disabled\":true}," + httpIn(PATH, "") + "]"), PATH))
                .as("nor does a node on a disabled tab").isPresent();
    }

    @Test
    void aPairWithoutACanaryHasNothingToKeep() throws Exception {
        assertThat(CanaryGuard.missing(flows("[{\"id\":\"t\",\"type\":\"tab\"}]"), null)).isEmpty();
        assertThat(CanaryGuard.missing(flows("[{\"id\":\"t\",\"type\":\"tab\"}]"), "")).isEmpty();
    }
}
