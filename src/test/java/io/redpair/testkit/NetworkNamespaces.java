package io.redpair.testkit;

import io.redpair.lab.BoxNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that gives each box of a partition test a network namespace of its own, joined to the
 * root namespace (where the test JVM, i.e. the console, runs) by a veth pair with a private /30:
 * <pre>
 *   root ns: rp&lt;pid&gt;h&lt;n&gt; 10.77.x.1/30  ──veth──  rp&lt;pid&gt;b&lt;n&gt; 10.77.x.2/30 in netns rp&lt;pid&gt;-&lt;n&gt;
 * </pre>
 * {@link BoxLink#cut()} replaces the root qdisc of both veth ends with {@code blackhole}: every packet is
 * dropped silently, in both directions, as a dead switch port or a pulled cable behind a switch would do.
 * The console sees timeouts (hung), never a refusal. Neighbour entries are static, so a long cut never turns
 * into "no route to host" through a failed ARP resolution. Traffic inside a namespace (the in-namespace
 * observer to its box) never crosses the veth and is never cut.
 *
 * <p>Needs root (CI runs as root): a non-root run FAILS with a message, it never skips. Names carry the JVM's
 * PID, so parallel runs do not collide, and a later run deletes what a killed JVM left behind (only when that
 * PID is gone). Everything a test created is deleted after it, pass or fail.
 */
public final class NetworkNamespaces implements BeforeEachCallback, AfterEachCallback {

    private static final long PID = ProcessHandle.current().pid();
    private static final Pattern OURS = Pattern.compile("rp(\\d+)[-hb]\\d+");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final List<BoxLink> created = new ArrayList<>();

    /**
     * One box's namespace and its veth pair.
     *
     * @param namespace     the namespace name ({@code ip netns})
     * @param rootVeth      the veth end in the root namespace
     * @param boxVeth       the veth end inside the namespace
     * @param consoleAddress the root end's address (the console's side)
     * @param boxAddress    the box's address inside its namespace
     */
    public record BoxLink(String namespace, String rootVeth, String boxVeth, String consoleAddress,
                          String boxAddress) {

        /** Where a Node-RED box in this namespace runs and listens. */
        public BoxNetwork network() {
            return BoxNetwork.inNamespace(namespace, boxAddress);
        }

        /** Drops every packet on both veth ends, silently (blackhole qdisc). */
        public void cut() {
            run("tc", "qdisc", "replace", "dev", rootVeth, "root", "blackhole");
            run("tc", "-n", namespace, "qdisc", "replace", "dev", boxVeth, "root", "blackhole");
        }

        /** Restores the default qdisc on both ends: packets flow again. */
        public void heal() {
            run("tc", "-n", namespace, "qdisc", "del", "dev", boxVeth, "root");
            run("tc", "qdisc", "del", "dev", rootVeth, "root");
        }

        /** Whether the root end currently drops everything. */
        public boolean isCut() {
            return run("tc", "qdisc", "show", "dev", rootVeth).contains("blackhole");
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        requireRoot();
        reapLeftovers();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> problems = new ArrayList<>();
        for (BoxLink link : created) {
            try {
                delete(link.namespace(), link.rootVeth());
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        created.clear();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("could not clean up network namespaces: " + problems);
        }
    }

    /** Fails (never skips) when the run cannot create namespaces. */
    static void requireRoot() {
        String uid = run("id", "-u").strip();
        if (!uid.equals("0")) {
            throw new IllegalStateException("partition tests need root (they create network namespaces, veth pairs and"
                    + " tc qdiscs); this run has uid " + uid + ". CI runs them as root (.ci/run); run the build as root.");
        }
    }

    /** Creates a namespace with a veth pair to the root namespace, addresses up, static neighbours. */
    public synchronized BoxLink create() {
        int n = COUNTER.incrementAndGet();
        String ns = "rp" + PID + "-" + n;
        String host = "rp" + PID + "h" + n;
        String box = "rp" + PID + "b" + n;
        int subnet = freeSubnet(n);
        String prefix = "10.77." + (subnet / 64) + ".";
        int base = (subnet % 64) * 4;
        BoxLink link = new BoxLink(ns, host, box, prefix + (base + 1), prefix + (base + 2));
        created.add(link);
        String hostMac = mac(subnet, 1);
        String boxMac = mac(subnet, 2);
        run("ip", "netns", "add", ns);
        run("ip", "link", "add", host, "address", hostMac, "type", "veth", "peer", "name", box, "address", boxMac,
                "netns", ns);
        run("ip", "addr", "add", link.consoleAddress() + "/30", "dev", host);
        run("ip", "link", "set", host, "up");
        run("ip", "-n", ns, "addr", "add", link.boxAddress() + "/30", "dev", box);
        run("ip", "-n", ns, "link", "set", box, "up");
        run("ip", "-n", ns, "link", "set", "lo", "up");
        run("ip", "neigh", "replace", link.boxAddress(), "lladdr", boxMac, "dev", host, "nud", "permanent");
        run("ip", "-n", ns, "neigh", "replace", link.consoleAddress(), "lladdr", hostMac, "dev", box, "nud", "permanent");
        return link;
    }

    /** A /30 index (0..16383) no address of this machine uses yet, starting from one derived from PID and counter. */
    private static int freeSubnet(int n) {
        Set<String> used = Pattern.compile("\\s").splitAsStream(run("ip", "-o", "-4", "addr", "show"))
                .filter(w -> w.startsWith("10.77.")).map(w -> w.substring(0, w.indexOf('/') < 0 ? w.length()
                        : w.indexOf('/'))).collect(Collectors.toSet());
        int start = (int) ((PID * 8 + n) % 16384);
        for (int i = 0; i < 16384; i++) {
            int candidate = (start + i) % 16384;
            String first = "10.77." + (candidate / 64) + "." + ((candidate % 64) * 4 + 1);
            if (!used.contains(first)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free /30 left in 10.77.0.0/16");
    }

    private static String mac(int subnet, int end) {
        return String.format("02:77:%02x:%02x:00:%02x", subnet >> 8, subnet & 0xff, end);
    }

    /**
     * Deletes namespaces and root-side veths named by a JVM that is gone (a run killed before its
     * {@code afterEach}). Deleting a namespace also deletes the veth end in it, and with it the peer.
     */
    static void reapLeftovers() {
        for (String ns : run("ip", "netns", "list").lines().map(l -> l.split("\\s")[0]).toList()) {
            if (leftBehind(ns)) {
                System.err.println("deleting network namespace " + ns + " left behind by an earlier run");
                killProcessesIn(ns);
                run("ip", "netns", "del", ns);
            }
        }
        for (String line : run("ip", "-o", "link", "show").lines().toList()) {
            String[] fields = line.split(":\\s+");
            String name = fields.length > 1 ? fields[1].split("@")[0] : "";
            if (leftBehind(name)) {
                System.err.println("deleting veth " + name + " left behind by an earlier run");
                deleteLink(name);
            }
        }
    }

    private static boolean leftBehind(String name) {
        Matcher m = OURS.matcher(name);
        return m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true);
    }

    /**
     * SIGKILLs what still runs in one of our namespaces (a box or an observer poller a failed test left): only
     * processes this run, or the dead run that owned the namespace, started ever run there.
     */
    private static void killProcessesIn(String ns) {
        for (String pid : run("ip", "netns", "pids", ns).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> p).join();
            });
        }
    }

    private static void delete(String ns, String rootVeth) {
        if (run("ip", "netns", "list").lines().anyMatch(l -> l.split("\\s")[0].equals(ns))) {
            killProcessesIn(ns);
            run("ip", "netns", "del", ns);
        }
        if (linkExists(rootVeth)) {
            deleteLink(rootVeth);
        }
    }

    private static void deleteLink(String name) {
        try {
            run("ip", "link", "del", name);
        } catch (IllegalStateException e) {
            if (linkExists(name)) { // else: the kernel removed the pair with its namespace meanwhile
                throw e;
            }
        }
    }

    private static boolean linkExists(String name) {
        return run("ip", "-o", "link", "show").contains(": " + name + "@");
    }

    /** Runs a command, returns its output; a non-zero exit is an error naming the command and its output. */
    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 30 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                        + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run: " + e.getMessage()
                    + " (partition tests need iproute2: ip and tc)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " interrupted", e);
        }
    }
}
