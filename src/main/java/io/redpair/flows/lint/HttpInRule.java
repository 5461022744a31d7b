package io.redpair.flows.lint;

import io.redpair.flows.FlowNode;
import java.util.List;

/**
 * HTTP endpoints answer only on the box whose flows run; clients need an address that follows it. RedPair's own
 * canary ({@code /redpair/...}) is meant to be per box and is skipped.
 */
final class HttpInRule implements LintRule {

    static final String ID = "http-endpoint";

    @Override
    public void check(LintInput in, FlowNode n, List<Finding> out) {
        String url = n.text("url");
        if (!n.type().equals("http in") || url.startsWith("/redpair/")) {
            return;
        }
        out.add(in.finding(ID, Severity.WARNING, n, n.text("method").toUpperCase(java.util.Locale.ROOT) + " " + url
                + " answers only on the active box; on the spare it is 404 until takeover.",
                "http in endpoints exist only while flows run; a client that calls one box's address directly"
                        + " loses the service when that box stops.",
                "Put a virtual IP that moves with the active box, or a load balancer that health-checks both boxes"
                        + " (for example on RedPair's canary), in front of these endpoints."));
    }
}
