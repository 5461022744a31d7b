package io.redpair.cli;

import io.redpair.nodered.Outcome;
import io.redpair.nodered.PresentedCertificate;
import io.redpair.nodered.TlsProbe;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.store.Actor;
import io.redpair.store.Journal;
import io.redpair.store.SiteFile;
import io.redpair.store.SiteFileException;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditUnavailableException;
import io.redpair.store.trust.PinFile;
import io.redpair.store.trust.PinFileException;
import io.redpair.store.trust.PresentedKey;
import io.redpair.store.trust.TrustOnFirstUse;
import io.redpair.store.trust.TrustRefusedException;
import io.redpair.store.trust.TrustVerdict;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code redpair trust --site F --pair ID --box A}: fetches the certificate the box presents (the
 * handshake is aborted, nothing is sent), shows subject, validity and SPKI SHA-256, and pins it in
 * {@code <site>.pins.json} only after a typed confirmation. A key that differs from the pinned one is
 * refused and audited. {@code --next-pin} stages a rotation; {@code --forget} removes a pin.
 */
@Command(name = "trust", description = "Confirm and pin a box's TLS key (trust on first use; changed keys are refused).")
public final class TrustCommand implements Callable<Integer> {

    /** Finds a box's URL in a site; the default reads the site file. */
    public interface BoxLocator {
        URI url(Path site, String pairId, BoxId box) throws Exception;
    }

    private final Terminal terminal;
    private final BoxLocator locator;
    private final Clock clock;

    @Spec CommandSpec spec;
    @Option(names = "--site", required = true, description = "Site file.") Path site;
    @Option(names = "--pair", required = true, description = "Pair id.") String pairId;
    @Option(names = "--box", required = true, description = "A or B.") BoxId box;
    @Option(names = "--fingerprint", description = "Confirm without a prompt: at least the first 8 hex digits of the SPKI SHA-256.")
    String fingerprint;
    @Option(names = "--next-pin", description = "Stage the key the box will present after a planned rotation (sha256/BASE64).")
    String nextPin;
    @Option(names = "--forget", description = "Remove the box's pin (asks to type PAIR/BOX).") boolean forget;

    public TrustCommand() {
        this(Terminal.system(), TrustCommand::urlFromSiteFile, Clock.systemUTC());
    }

    public TrustCommand(Terminal terminal, BoxLocator locator, Clock clock) {
        this.terminal = terminal;
        this.locator = locator;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (AuditLog audit = AuditLog.open(Journal.fileFor(site), clock)) {
            TrustOnFirstUse trust = new TrustOnFirstUse(PinFile.fileFor(site), audit, clock);
            if (forget) {
                trust.forget(pairId, box, Actor.current(), answer("Type " + pairId + "/" + box + " to forget its pin: "));
                out.println("pin of " + pairId + "/" + box + " removed; its next key needs confirmation");
                return ExitCodes.OK;
            }
            if (nextPin != null) {
                trust.stageNext(pairId, box, nextPin, Actor.current(), answer("Type the first 8 hex digits of the next key: "));
                out.println("next key staged for " + pairId + "/" + box);
                return ExitCodes.OK;
            }
            return probeAndConfirm(trust, out, err);
        } catch (TrustRefusedException e) {
            err.println("redpair: " + e.getMessage());
            return ExitCodes.REFUSED;
        } catch (PinFileException | IllegalArgumentException | SiteFileException e) {
            err.println("redpair: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (AuditUnavailableException e) {
            err.println("redpair: trust not changed, the audit trail is unavailable: " + e.getMessage());
            return ExitCodes.REFUSED;
        }
    }

    private int probeAndConfirm(TrustOnFirstUse trust, PrintWriter out, PrintWriter err) throws Exception {
        URI url = locator.url(site, pairId, box);
        if (!"https".equals(url.getScheme())) {
            err.println("redpair: " + pairId + "/" + box + " uses " + url.getScheme() + ":// (unencrypted); there is no key to pin");
            return ExitCodes.FAILED;
        }
        Outcome<PresentedCertificate> probe = TlsProbe.fetch(url);
        if (!probe.isOk()) {
            err.println("redpair: " + url + ": " + probe.describe());
            return ExitCodes.UNREACHABLE;
        }
        PresentedKey key = toKey(probe.value());
        out.println(pairId + "/" + box + " at " + url + " presents:\n" + key.describe()
                + (probe.value().selfSigned() ? "\n(self-signed)" : ""));
        TrustVerdict verdict = trust.assess(pairId, box, key);
        if (verdict == TrustVerdict.MATCHES_CURRENT) {
            out.println("already trusted: this is the pinned key");
            return ExitCodes.OK;
        }
        String typed = verdict == TrustVerdict.CHANGED ? null
                : answer("Compare with the box itself. Type yes or the first 8 hex digits to trust this key: ");
        trust.confirm(pairId, box, key, Actor.current(), typed);
        out.println("trusted: " + pairId + "/" + box + " pinned in " + PinFile.fileFor(site));
        return ExitCodes.OK;
    }

    private String answer(String prompt) {
        return fingerprint != null ? fingerprint : terminal.readLine(prompt);
    }

    static PresentedKey toKey(PresentedCertificate c) {
        return new PresentedKey(c.subject(), c.issuer(), c.notBefore(), c.notAfter(), c.spkiSha256());
    }

    static URI urlFromSiteFile(Path site, String pairId, BoxId box) throws Exception {
        BoxConfig config = SiteFile.load(site).pair(pairId)
                .orElseThrow(() -> new IllegalArgumentException(site + ": no pair with id '" + pairId + "'"))
                .boxes().get(box);
        return config.url();
    }
}
