package io.redpair.flows.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.flows.FlowSet;
import io.redpair.flows.FlowSetLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each rule on a flow made for it (src/test/resources/flows/lint). The expected lists are exact, so every node in
 * a file that is not listed is a negative case that must stay silent.
 */
class FlowLinterTest {

    private static final ContextStores MEMORY_AND_FILE =
            ContextStores.of(Map.of("default", "memory", "file", "localfilesystem"));
    private static final ContextStores SHARED = ContextStores.of(Map.of("default", "node-red-context-redis"));

    @Test
    void statefulNodes() throws Exception {
        assertThat(lint("stateful.json", ContextStores.unknown())).containsExactlyInAnyOrder(
                "delay-rate stateful-node warning", "delay-queue stateful-node warning",
                "delay-plain stateful-node info", "trigger stateful-node warning", "rbe stateful-node warning",
                "join stateful-node warning", "batch stateful-node warning", "sort-seq stateful-node warning",
                "split-stream stateful-node warning", "smooth stateful-node warning", "csv-multi stateful-node warning",
                "link-call stateful-node warning", "switch-repair stateful-node warning",
                "switch-prev stateful-node warning");
    }

    @Test
    void functionStateWithUnknownSettingsAssumesMemory() throws Exception {
        assertThat(lint("function-state.json", ContextStores.unknown())).containsExactlyInAnyOrder(
                "fn-flow function-state warning", "fn-file function-state warning",
                "fn-timer function-state warning", "fn-var function-state info");
    }

    @Test
    void functionStateKnowsLocalDiskAndSharedStores() throws Exception {
        assertThat(lint("function-state.json", MEMORY_AND_FILE)).containsExactlyInAnyOrder(
                "fn-flow function-state warning", "fn-file function-state info",
                "fn-timer function-state warning", "fn-var function-state info");
        assertThat(lint("function-state.json", SHARED)).containsExactlyInAnyOrder(
                "fn-timer function-state warning", "fn-var function-state info");
    }

    @Test
    void memoryContextInChangeNodes() throws Exception {
        assertThat(lint("memory-context.json", ContextStores.unknown())).containsExactlyInAnyOrder(
                "ch-flow memory-context warning", "ch-file memory-context warning", "ch-move memory-context warning");
        assertThat(lint("memory-context.json", MEMORY_AND_FILE)).containsExactlyInAnyOrder(
                "ch-flow memory-context warning", "ch-file memory-context info", "ch-move memory-context warning");
    }

    @Test
    void unknownSettingsAreSaidInTheExplanation() throws Exception {
        LintReport report = FlowLinter.lint(load("memory-context.json"), ContextStores.unknown());
        assertThat(report.findings().get(0).why()).contains("settings were not given").contains("--context-store");
        LintReport known = FlowLinter.lint(load("memory-context.json"), MEMORY_AND_FILE);
        assertThat(known.findings().get(0).why()).doesNotContain("not given");
    }

    @Test
    void injectOnce() throws Exception {
        assertThat(lint("inject-once.json", ContextStores.unknown())).containsExactly("inj-once inject-once warning");
    }

    @Test
    void mqttClientIdCleanSessionAndSharedSubscriptions() throws Exception {
        assertThat(lint("mqtt.json", ContextStores.unknown())).containsExactlyInAnyOrder(
                "b-broken mqtt-client-id error", "b-good mqtt-client-id info", "b-clean mqtt-clean-session warning",
                "in-plain mqtt-shared-subscription info");
    }

    @Test
    void ownPortListeners() throws Exception {
        assertThat(lint("listeners.json", ContextStores.unknown())).containsExactlyInAnyOrder(
                "tcp-server own-port-listener warning", "tcpout-server own-port-listener warning",
                "udp-in own-port-listener warning");
    }

    @Test
    void localFiles() throws Exception {
        assertThat(lint("files.json", ContextStores.unknown())).containsExactlyInAnyOrder(
                "file-write local-file warning", "file-msg local-file warning", "file-read local-file info");
    }

    @Test
    void boxHardware() throws Exception {
        assertThat(lint("hardware.json", ContextStores.unknown())).containsExactlyInAnyOrder(
                "ser-in box-hardware warning", "ser-out box-hardware warning", "gpio-in box-hardware warning",
                "gpio-out box-hardware warning");
    }

    @Test
    void httpEndpointsButNotTheCanary() throws Exception {
        assertThat(lint("http.json", ContextStores.unknown())).containsExactly("api http-endpoint warning");
    }

    @Test
    void findingsNameTabNodeAndLineAndComeMostSevereFirst() throws Exception {
        LintReport report = FlowLinter.lint(load("mqtt.json"), ContextStores.unknown());
        Finding first = report.findings().get(0);
        assertThat(first.severity()).isEqualTo(Severity.ERROR);
        assertThat(first.node().name()).isEqualTo("persistent, no id");
        assertThat(first.node().container()).isEqualTo("global");
        assertThat(first.node().line()).isEqualTo(4);
        assertThat(report.hasErrors()).isTrue();
        Finding plain = report.findings().stream().filter(f -> f.node().id().equals("in-plain")).findFirst().orElseThrow();
        assertThat(plain.node().container()).isEqualTo("tab MQTT");
        assertThat(plain.action()).contains("$share/<group>/plant/+/temp");
    }

    private static List<String> lint(String file, ContextStores stores) throws Exception {
        return FlowLinter.lint(load(file), stores).findings().stream()
                .map(f -> f.node().id() + " " + f.rule() + " " + f.severity().label()).toList();
    }

    static FlowSet load(String file) throws Exception {
        return FlowSetLoader.load(Path.of("src/test/resources/flows/lint", file));
    }
}
