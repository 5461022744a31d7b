package io.redpair.ui.editor;

import io.redpair.nodered.PresentedCertificate;
import io.redpair.pair.BoxId;
import io.redpair.store.Actor;
import io.redpair.store.Journal;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.trust.BoxPin;
import io.redpair.store.trust.Fingerprints;
import io.redpair.store.trust.PinFile;
import io.redpair.store.trust.PinFileException;
import io.redpair.store.trust.PresentedKey;
import io.redpair.store.trust.TrustOnFirstUse;
import io.redpair.store.trust.TrustRefusedException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The editor's side of TLS trust for one site: what is pinned for a box, and first-use confirmation into the
 * site's pins file through {@link TrustOnFirstUse} — the same rules, audit rows and refusals as
 * {@code redpair trust}: a key that differs from the pinned one is refused and audited, never re-trusted here.
 * Blocking (file and journal I/O): called off the JavaFX thread.
 */
public final class SiteKeyTrust {

    private final Path siteFile;
    private final Clock clock;

    public SiteKeyTrust(Path siteFile, Clock clock) {
        this.siteFile = siteFile;
        this.clock = clock;
    }

    /** The box's pin in the pins file, if any. */
    public Optional<BoxPin> pinned(String pairId, BoxId box) throws PinFileException {
        return PinFile.load(PinFile.fileFor(siteFile)).get(pairId, box);
    }

    /** Pins {@code cert}'s key for the box once {@code typed} confirms its fingerprint; the words for the editor. */
    public String confirm(String pairId, BoxId box, PresentedCertificate cert, String typed)
            throws PinFileException, TrustRefusedException {
        try (AuditLog audit = AuditLog.open(Journal.fileFor(siteFile), clock)) {
            TrustOnFirstUse trust = new TrustOnFirstUse(PinFile.fileFor(siteFile), audit, clock);
            PresentedKey key = new PresentedKey(cert.subject(), cert.issuer(), cert.notBefore(), cert.notAfter(),
                    cert.spkiSha256());
            BoxPin pin = trust.confirm(pairId, box, key, Actor.current(), typed);
            return describe(pin);
        }
    }

    /** "pinned AB:CD:EF:12… (subject), confirmed by user@host". */
    public static String describe(BoxPin pin) {
        return "pinned " + Fingerprints.shortHex(pin.current()) + "… (" + pin.subject() + "), confirmed by "
                + pin.confirmedBy();
    }
}
