package io.redpair.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code boxes.A/B} of a pair: url, auth (a secret reference, never a password), TLS pin. */
final class BoxReader {

    /** {@code env:NAME}, {@code vault:NAME}, or {@code keychain:NAME} (accepted now, resolved later). */
    static final Pattern SECRET_REFERENCE = Pattern.compile("(env|vault|keychain):[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,127}");

    private static final Set<String> BOX_KEYS = Set.of("url", "auth", "tlsPin");
    private static final Map<String, Set<String>> AUTH_KEYS = Map.of(
            "none", Set.of("type"),
            "password", Set.of("type", "username", "secret"),
            "token", Set.of("type", "secret", "header"));

    private final Checks checks;

    BoxReader(Checks checks) {
        this.checks = checks;
    }

    Map<BoxId, BoxConfig> boxes(JsonNode pair, String path) {
        JsonNode boxes = checks.object(pair, path, "boxes", true);
        if (boxes == null) {
            return null;
        }
        String boxesPath = LocatedJson.child(path, "boxes");
        checks.onlyKeys(boxes, boxesPath, Set.of("A", "B"), "boxes");
        Map<BoxId, BoxConfig> result = new EnumMap<>(BoxId.class);
        for (BoxId id : BoxId.values()) {
            JsonNode box = checks.object(boxes, boxesPath, id.name(), true);
            BoxConfig config = box == null ? null : box(box, LocatedJson.child(boxesPath, id.name()));
            if (config != null) {
                result.put(id, config);
            }
        }
        return result.size() == 2 ? result : null;
    }

    private BoxConfig box(JsonNode box, String path) {
        checks.onlyKeys(box, path, BOX_KEYS, "a box");
        URI url = url(checks.text(box, path, "url", true), LocatedJson.child(path, "url"));
        JsonNode authNode = checks.object(box, path, "auth", true);
        AuthRef auth = authNode == null ? null : auth(authNode, LocatedJson.child(path, "auth"));
        String pin = checks.text(box, path, "tlsPin", false);
        if (pin != null && !validPin(pin)) {
            checks.problem(LocatedJson.child(path, "tlsPin"),
                    "expected the base64 SHA-256 of the box's public key (44 characters, optionally prefixed sha256/)");
        } else if (pin != null && url != null && !"https".equals(url.getScheme())) {
            checks.problem(LocatedJson.child(path, "tlsPin"), "a TLS pin needs an https url");
        }
        return url == null || auth == null ? null : new BoxConfig(url, auth, pin);
    }

    private URI url(String text, String path) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (web && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null
                    && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the same message as the other bad shapes
        }
        checks.problem(path, "expected an http:// or https:// url with a host, without user info, query or fragment"
                + " (e.g. http://10.0.0.11:1880)");
        return null;
    }

    private AuthRef auth(JsonNode auth, String path) {
        String type = checks.choice(auth, path, "type", List.of("none", "password", "token"), null);
        if (type == null) {
            if (!auth.has("type")) {
                checks.problem(path, "missing key 'type' (none, password or token)");
            }
            return null;
        }
        checks.onlyKeys(auth, path, AUTH_KEYS.get(type), "auth of type " + type);
        if (type.equals("none")) {
            return AuthRef.none();
        }
        String secret = secret(auth, path);
        if (type.equals("password")) {
            String user = checks.text(auth, path, "username", true);
            return user == null || secret == null ? null : AuthRef.password(user, secret);
        }
        String header = checks.text(auth, path, "header", false);
        return secret == null ? null : AuthRef.token(secret, header);
    }

    /** Never echoes the value: a literal here is most likely a password. */
    private String secret(JsonNode auth, String path) {
        JsonNode node = auth.get("secret");
        if (node == null) {
            checks.problem(path, "missing key 'secret' (a reference such as env:NAME)");
            return null;
        }
        if (!node.isTextual() || !SECRET_REFERENCE.matcher(node.asText()).matches()) {
            checks.problem(LocatedJson.child(path, "secret"), "must be a secret reference such as env:LINE1_B_PW"
                    + " (env:, vault: or keychain:); a literal password is not allowed in the site file");
            return null;
        }
        return node.asText();
    }

    private static boolean validPin(String pin) {
        String body = pin.startsWith("sha256/") ? pin.substring(7) : pin;
        try {
            return Base64.getDecoder().decode(body).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
