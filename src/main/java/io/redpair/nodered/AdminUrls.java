package io.redpair.nodered;

import java.net.URI;
import okhttp3.HttpUrl;

/** Resolves admin paths under {@code httpAdminRoot} and flow paths under {@code httpNodeRoot}. */
final class AdminUrls {

    private final HttpUrl adminBase;

    AdminUrls(URI adminUrl) {
        HttpUrl parsed = HttpUrl.parse(adminUrl.toString());
        if (parsed == null) {
            throw new IllegalArgumentException("not a usable admin URL: " + adminUrl);
        }
        this.adminBase = parsed.newBuilder().query(null).fragment(null).build();
    }

    /** {@code relative} like {@code flows/state}, appended to the admin root. */
    HttpUrl admin(String relative) {
        return adminBase.newBuilder().addPathSegments(relative).build();
    }

    /** {@code path} under {@code httpNodeRoot} (as /settings reports it, e.g. "/" or "/api/"). */
    HttpUrl node(String httpNodeRoot, String path) {
        HttpUrl.Builder b = adminBase.newBuilder().encodedPath("/");
        String root = strip(httpNodeRoot);
        if (!root.isEmpty()) {
            b.addPathSegments(root);
        }
        String p = strip(path);
        if (!p.isEmpty()) {
            b.addPathSegments(p);
        }
        return b.build();
    }

    /** host:port plus the admin root, for log lines. */
    String display() {
        return adminBase.host() + ":" + adminBase.port() + adminBase.encodedPath();
    }

    private static String strip(String s) {
        String t = s == null ? "" : s;
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
