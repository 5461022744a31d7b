package io.redpair.testkit;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Flow files under {@code src/test/resources/flows/}. */
public final class TestFlows {

    /** The canary plus a 5 s busy-wait, triggered by {@code POST /inject/blockinject00001} or {@code GET /redpair/block}. */
    public static final String CANARY_WITH_BLOCKER = "canary-with-blocker.json";
    public static final String BLOCKER_INJECT_ID = "blockinject00001";

    private TestFlows() {
    }

    public static Path path(String name) {
        URL url = TestFlows.class.getResource("/flows/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test flow src/test/resources/flows/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
