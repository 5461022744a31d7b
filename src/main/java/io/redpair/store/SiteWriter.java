package io.redpair.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.pair.ArbiterConfig;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import io.redpair.pair.SecretStoreKind;
import io.redpair.pair.Site;
import io.redpair.pair.approval.ApprovalSettings;

/** Turns a {@link Site} into site-file JSON (version 1), keys in the documented order. */
final class SiteWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SiteWriter() {
    }

    static String toJson(Site site) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        root.put("site", site.name());
        var pairs = root.putArray("pairs");
        site.pairs().forEach(p -> pairs.add(pair(p)));
        if (!site.approvals().equals(ApprovalSettings.singlePerson())) {
            root.putObject("approvals").put("twoPerson", site.approvals().twoPerson())
                    .put("windowS", site.approvals().window().toSeconds());
        }
        if (site.secretStore() != SecretStoreKind.VAULT) {
            root.put("secretStore", site.secretStore().word());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    private static ObjectNode pair(Pair pair) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", pair.id());
        if (pair.name() != null) {
            node.put("name", pair.name());
        }
        ObjectNode boxes = node.putObject("boxes");
        for (BoxId id : BoxId.values()) {
            boxes.set(id.name(), box(pair.box(id)));
        }
        if (pair.preferred() != null) {
            node.put("preferred", pair.preferred().name());
        }
        if (pair.hasCanary()) {
            node.put("heartbeatPath", pair.heartbeatPath());
        }
        if (pair.arbiter() != null) {
            node.set("arbiter", arbiter(pair.arbiter()));
        }
        if (pair.policy() != null) {
            node.set("policy", policy(pair.policy()));
        }
        return node;
    }

    private static ObjectNode box(BoxConfig box) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("url", box.url().toString());
        ObjectNode auth = node.putObject("auth");
        AuthRef ref = box.auth();
        auth.put("type", ref.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (ref.kind() == AuthRef.Kind.PASSWORD) {
            auth.put("username", ref.username());
        }
        if (ref.kind() != AuthRef.Kind.NONE) {
            auth.put("secret", ref.secretRef());
        }
        if (ref.kind() == AuthRef.Kind.TOKEN && ref.tokenHeader() != null) {
            auth.put("header", ref.tokenHeader());
        }
        if (box.tlsPin() != null) {
            node.put("tlsPin", box.tlsPin());
        }
        return node;
    }

    private static ObjectNode arbiter(ArbiterConfig arbiter) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("port", arbiter.port());
        if (arbiter.serialNumber() != null) {
            node.put("serialNumber", arbiter.serialNumber());
        }
        node.put("baud", arbiter.baud());
        return node;
    }

    private static ObjectNode policy(Policy policy) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("intervalMs", policy.intervalMs());
        node.put("missedBeats", policy.missedBeats());
        node.put("autoFailover", policy.autoFailover());
        node.put("holdDownS", policy.holdDownS());
        node.put("startupGraceMs", policy.startupGraceMs());
        node.put("fencing", policy.fencing() == Policy.Fencing.ARBITER ? "arbiter" : "api-only");
        return node;
    }
}
