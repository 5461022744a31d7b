package io.redpair.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code node} and {@code npm} and checks the Node.js version a Node-RED major needs.
 * Overridable with {@code -Dredpair.node}/{@code REDPAIR_NODE} and {@code -Dredpair.npm}/{@code REDPAIR_NPM}.
 */
final class NodeTooling {

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

    private NodeTooling() {
    }

    static String nodeExecutable() {
        return setting("redpair.node", "REDPAIR_NODE", "node");
    }

    static String npmExecutable() {
        return setting("redpair.npm", "REDPAIR_NPM", "npm");
    }

    static String setting(String property, String env, String fallback) {
        String p = System.getProperty(property);
        if (p != null && !p.isBlank()) {
            return p;
        }
        String e = System.getenv(env);
        return e != null && !e.isBlank() ? e : fallback;
    }

    /** Runs {@code exe --version}; a clear message instead of "error=2" when it is missing. */
    static String versionOf(String exe, String what) throws NodeRedInstaller.InstallException {
        try {
            Process p = new ProcessBuilder(exe, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new NodeRedInstaller.InstallException(what + " ('" + exe + " --version') failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new NodeRedInstaller.InstallException(what + " not found ('" + exe + "'): install Node.js with npm "
                    + "(Node.js 20+ for Node-RED 4.x, 22.9+ for 5.x) or point " + (what.equals("npm") ? "REDPAIR_NPM" : "REDPAIR_NODE")
                    + " at it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeRedInstaller.InstallException("interrupted while asking " + what + " for its version", e);
        }
    }

    /** The minimum Node.js per Node-RED major: 4.x needs 18.5, 5.x refuses to start below 22.9. */
    static void requireCompatible(String nodeRedVersion, String nodeVersion) throws NodeRedInstaller.InstallException {
        int[] nr = parse(nodeRedVersion);
        int[] node = parse(nodeVersion);
        int[] min = nr[0] >= 5 ? new int[] {22, 9, 0} : new int[] {18, 5, 0};
        if (compare(node, min) < 0) {
            throw new NodeRedInstaller.InstallException("Node-RED " + nodeRedVersion + " needs Node.js " + min[0] + "." + min[1]
                    + " or newer, found " + nodeVersion + ". Use Node-RED 4.1.15 (the default) on this Node.js, or install a newer Node.js");
        }
    }

    static int[] parse(String version) throws NodeRedInstaller.InstallException {
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            throw new NodeRedInstaller.InstallException("cannot read a version from '" + version + "'");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
