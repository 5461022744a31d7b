package io.redpair.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redpair.testkit.NetworkNamespaces.BoxLink;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The namespace kit itself (root, as in CI): a listener inside a namespace is reachable over the veth, a cut
 * makes the console's connect time out silently, a heal restores it; leftovers of a dead JVM are deleted and
 * those of a live one are kept.
 */
class NetworkNamespacesTest {

    @RegisterExtension
    final NetworkNamespaces namespaces = new NetworkNamespaces();

    @Test
    void cutDropsSilentlyAndHealRestores() throws Exception {
        BoxLink link = namespaces.create();
        Process listener = new ProcessBuilder("ip", "netns", "exec", link.namespace(), "node", "-e",
                "require('net').createServer(s => s.end('hi')).listen(7070, process.argv[1],"
                        + " () => console.log('listening'))", link.boxAddress()).start();
        try (InputStream out = listener.getInputStream()) {
            assertThat(new String(out.readNBytes(9))).isEqualTo("listening");
            assertThat(greeting(link)).isEqualTo("hi");

            link.cut();
            assertThat(link.isCut()).isTrue();
            assertThatThrownBy(() -> greeting(link)).isInstanceOf(SocketTimeoutException.class);

            link.heal();
            assertThat(link.isCut()).isFalse();
            assertThat(greeting(link)).isEqualTo("hi");
        } finally {
            listener.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void leftoversOfADeadJvmAreDeletedThoseOfALiveOneKept() throws Exception {
        long dead = deadPid();
        String deadNs = "rp" + dead + "-1";
        String deadVeth = "rp" + dead + "h1";
        String liveNs = "rp" + ProcessHandle.current().pid() + "-99999";
        try {
            NetworkNamespaces.run("ip", "netns", "add", deadNs);
            NetworkNamespaces.run("ip", "link", "add", deadVeth, "type", "veth", "peer", "name", "rp" + dead + "b1");
            NetworkNamespaces.run("ip", "netns", "add", liveNs);

            NetworkNamespaces.reapLeftovers();

            String namespacesLeft = NetworkNamespaces.run("ip", "netns", "list");
            assertThat(namespacesLeft).doesNotContain(deadNs).contains(liveNs);
            assertThat(NetworkNamespaces.run("ip", "-o", "link", "show")).doesNotContain(deadVeth);
        } finally {
            NetworkNamespaces.run("ip", "netns", "del", liveNs);
        }
    }

    private static String greeting(BoxLink link) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(link.boxAddress(), 7070), 300);
            s.setSoTimeout(300);
            return new String(s.getInputStream().readAllBytes());
        }
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
