package io.redpair.store.trust;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redpair.pair.BoxId;
import io.redpair.store.Actor;
import io.redpair.store.audit.AuditCategory;
import io.redpair.store.audit.AuditEvent;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditUnavailableException;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trust decisions for one site's boxes, shared by the CLI ({@code redpair trust}), the GUI dialog
 * and the supervisor. Invariants: a key becomes trusted only through {@link #confirm} with a typed
 * confirmation of its fingerprint, or by having been staged as the next pin; a changed key is never
 * trusted here, only refused and audited; every change is in the audit trail, and a change whose
 * audit row cannot be written is undone (trust is a discretionary action, docs/security.md).
 */
public final class TrustOnFirstUse {

    private static final Logger LOG = LoggerFactory.getLogger(TrustOnFirstUse.class);

    private final Path pinFile;
    private final AuditLog audit;
    private final Clock clock;

    public TrustOnFirstUse(Path pinFile, AuditLog audit, Clock clock) {
        this.pinFile = pinFile;
        this.audit = audit;
        this.clock = clock;
    }

    public Pins pins() throws PinFileException {
        return PinFile.load(pinFile);
    }

    public TrustVerdict assess(String pairId, BoxId box, PresentedKey key) throws PinFileException {
        return pins().assess(pairId, box, key.spkiSha256());
    }

    /**
     * Trusts {@code key} for the box when it is unpinned (first use) or is the staged next key, and
     * {@code typed} confirms its fingerprint. Throws {@link TrustRefusedException} otherwise.
     */
    public BoxPin confirm(String pairId, BoxId box, PresentedKey key, Actor actor, String typed)
            throws PinFileException, TrustRefusedException {
        Pins before = pins();
        TrustVerdict verdict = before.assess(pairId, box, key.spkiSha256());
        if (verdict == TrustVerdict.CHANGED) {
            refuseChanged(pairId, box, key, actor, false);
            throw new TrustRefusedException(changedMessage(pairId, box, before.get(pairId, box).orElseThrow(), key));
        }
        if (verdict == TrustVerdict.MATCHES_CURRENT) {
            return before.get(pairId, box).orElseThrow();
        }
        if (!Fingerprints.confirms(typed, key.spkiSha256())) {
            throw new TrustRefusedException("not confirmed: type yes or the first 8 hex digits ("
                    + Fingerprints.shortHex(key.spkiSha256()) + ") of the fingerprint; nothing was trusted");
        }
        BoxPin pin = new BoxPin(key.spkiSha256(), null, key.subject(), key.notAfter(), actor.toString(), clock.instant());
        String type = verdict == TrustVerdict.FIRST_USE ? "pin-confirmed" : "pin-rotated";
        change(before, before.with(pairId, box, pin), event(actor, type, pairId, box, "ok", key));
        LOG.info("trust {}/{}: {} sha256/{} by {}", pairId, box, type, key.spkiSha256(), actor);
        return pin;
    }

    /** Stages the key a box will present after a planned rotation (its pin computed off-line). */
    public BoxPin stageNext(String pairId, BoxId box, String nextPin, Actor actor, String typed)
            throws PinFileException, TrustRefusedException {
        Pins before = pins();
        BoxPin current = before.get(pairId, box).orElseThrow(() -> new TrustRefusedException(
                pairId + "/" + box + " has no confirmed pin yet; trust its current key first"));
        String next = Fingerprints.requirePin(nextPin);
        if (!Fingerprints.confirms(typed, next)) {
            throw new TrustRefusedException("not confirmed: type the first 8 hex digits (" + Fingerprints.shortHex(next)
                    + ") of the next key's fingerprint");
        }
        BoxPin staged = current.withNext(next);
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("next", "sha256/" + next);
        change(before, before.with(pairId, box, staged),
                new AuditEvent(actor, AuditCategory.TRUST, "pin-next-staged", pairId + "/" + box, "ok", 0, details));
        return staged;
    }

    /** Removes a box's pin so that its next key goes through first-use confirmation again. */
    public void forget(String pairId, BoxId box, Actor actor, String typed) throws PinFileException, TrustRefusedException {
        Pins before = pins();
        String target = pairId + "/" + box;
        if (before.get(pairId, box).isEmpty()) {
            throw new TrustRefusedException(target + " has no pin to forget");
        }
        if (typed == null || !typed.strip().equals(target)) {
            throw new TrustRefusedException("not confirmed: type '" + target + "' to forget its pin");
        }
        change(before, before.without(pairId, box), new AuditEvent(actor, AuditCategory.TRUST, "pin-forgotten", target,
                "ok", 0, JsonNodeFactory.instance.objectNode()));
    }

    /**
     * Records a refused changed key. {@code automatic}: the supervisor met it while connecting and
     * goes on refusing whether or not the row could be written; otherwise the append must succeed.
     */
    public void refuseChanged(String pairId, BoxId box, PresentedKey key, Actor actor, boolean automatic) {
        AuditEvent event = event(actor, "certificate-changed", pairId, box, "refused", key);
        LOG.warn("trust {}/{}: presented key sha256/{} is not the pinned one; refused", pairId, box, key.spkiSha256());
        if (automatic) {
            audit.tryAppend(event);
        } else {
            audit.append(event);
        }
    }

    static String changedMessage(String pairId, BoxId box, BoxPin pinned, PresentedKey key) {
        return pairId + "/" + box + " presents a DIFFERENT key than the one confirmed by " + pinned.confirmedBy()
                + " on " + pinned.confirmedAt() + "; refused.\n  pinned:    " + Fingerprints.hex(pinned.current())
                + "\n  presented: " + Fingerprints.hex(key.spkiSha256())
                + "\nIf the box was re-keyed on purpose: verify the new fingerprint on the box itself, then"
                + " 'redpair trust --forget' and trust it again.";
    }

    private void change(Pins before, Pins after, AuditEvent event) throws PinFileException {
        PinFile.save(pinFile, after);
        try {
            audit.append(event);
        } catch (AuditUnavailableException e) {
            PinFile.save(pinFile, before);
            throw e;
        }
    }

    private static AuditEvent event(Actor actor, String type, String pairId, BoxId box, String result, PresentedKey key) {
        ObjectNode details = JsonNodeFactory.instance.objectNode()
                .put("subject", key.subject()).put("issuer", key.issuer())
                .put("notAfter", String.valueOf(key.notAfter())).put("spkiSha256", "sha256/" + key.spkiSha256());
        return new AuditEvent(actor, AuditCategory.TRUST, type, pairId + "/" + box, result, 0, details);
    }
}
