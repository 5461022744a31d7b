package io.redpair.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The revision must equal Node-RED's byte for byte. The oracle is the real JavaScript engine Node-RED runs on:
 * each tricky input is hashed by {@code node} itself ({@code sha256(JSON.stringify(JSON.parse(text)))}, the
 * expression Node-RED's storage layer evaluates) and compared with ours.
 */
class NodeRedRevisionTest {

    @Test
    void emptyFlowsHaveTheRevisionNodeRedReports() throws Exception {
        // measured on Node-RED 5.0.7 and 4.1.15 (NODE-RED-FACTS §3): rev of [] = sha256("[]")
        assertThat(FlowSetLoader.parse("empty", "[]").revision())
                .isEqualTo("4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"id\":\"a\",\"type\":\"inject\",\"x\":1.0,\"y\":2.50,\"repeat\":\"\",\"wires\":[[\"b\"]]}]",
        "[{\"id\":\"n\",\"type\":\"t\",\"big\":1e21,\"small\":1.5e-7,\"tiny\":0.000001,\"neg\":-0.0,\"e\":12345678901234567890}]",
        "[{\"id\":\"n\",\"type\":\"t\",\"f\":0.1,\"g\":0.30000000000000004,\"h\":123e-20,\"i\":5e-324,\"j\":1.7976931348623157e308}]",
        "[{\"id\":\"n\",\"type\":\"t\",\"s\":\"tab\\there \\u0001 \\u001f \\\" \\\\ / \\u2028 é ü 日本 😀\"}]",
        "[{\"id\":\"n\",\"type\":\"t\",\"lone\":\"\\ud800 x \\udc00\",\"ctl\":\"\\b\\f\\n\\r\\u007f\"}]",
        "[{\"id\":\"n\",\"type\":\"t\",\"b\":1,\"10\":2,\"2\":3,\"a\":4,\"01\":5,\"4294967295\":6,\"4294967294\":7}]",
        "[{\"id\":\"n\",\"type\":\"t\",\"dup\":1,\"other\":true,\"dup\":2,\"nested\":{\"z\":null,\"1\":[]}}]",
        "{\"flows\":[{\"id\":\"c\",\"type\":\"mqtt-broker\",\"credentials\":{\"user\":\"u\"},\"clientid\":\"\"}],\"rev\":\"x\"}"
    })
    void matchesJavaScriptsJsonStringify(String text) throws Exception {
        assertThat(FlowSetLoader.parse("case", text).revision()).isEqualTo(nodeJsRevision(text));
    }

    @Test
    void credentialsDoNotChangeTheRevision() throws Exception {
        String bare = "[{\"id\":\"c\",\"type\":\"mqtt-broker\",\"clientid\":\"\"}]";
        String withCredentials = "[{\"id\":\"c\",\"type\":\"mqtt-broker\",\"credentials\":{\"user\":\"u\"},\"clientid\":\"\"}]";
        assertThat(FlowSetLoader.parse("a", withCredentials).revision()).isEqualTo(FlowSetLoader.parse("b", bare).revision());
    }

    @Test
    void keyOrderChangesTheRevisionAsInNodeRed() throws Exception {
        String one = "[{\"id\":\"n\",\"type\":\"t\",\"a\":1,\"b\":2}]";
        String two = "[{\"id\":\"n\",\"type\":\"t\",\"b\":2,\"a\":1}]";
        assertThat(FlowSetLoader.parse("1", one).revision()).isNotEqualTo(FlowSetLoader.parse("2", two).revision());
    }

    /** Node-RED strips node credentials before hashing; so does this oracle. */
    static String nodeJsRevision(String text) throws IOException, InterruptedException {
        String script = "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{let v=JSON.parse(s);"
                + "let f=Array.isArray(v)?v:v.flows;f.forEach(n=>delete n.credentials);"
                + "process.stdout.write(require('crypto').createHash('sha256').update(JSON.stringify(f)).digest('hex'))})";
        Process node = new ProcessBuilder("node", "-e", script).redirectErrorStream(true).start();
        node.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        node.getOutputStream().close();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(node.exitValue()).as("node: " + out).isZero();
        return out;
    }
}
