package io.redpair.nodered;

import java.nio.charset.StandardCharsets;

/** A complete, size-capped HTTP answer. Never logged: a token answer holds the access token. */
record Answer(int status, String contentType, byte[] body, String wwwAuthenticate, String location) {

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean isHtml() {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("html");
    }

    /** A short printable excerpt for diagnostics (never use on token answers). */
    String excerpt() {
        String t = text().replaceAll("[\\p{Cntrl}&&[^\n]]", "?").replace('\n', ' ').strip();
        return t.length() <= 80 ? t : t.substring(0, 80) + "...";
    }
}
