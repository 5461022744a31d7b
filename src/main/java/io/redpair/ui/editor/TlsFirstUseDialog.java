package io.redpair.ui.editor;

import io.redpair.nodered.Outcome;
import io.redpair.nodered.PresentedCertificate;
import io.redpair.nodered.TlsProbe;
import io.redpair.store.trust.Fingerprints;
import io.redpair.ui.FxExecutor;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * First use of a box's TLS certificate: shows its fingerprint and asks the engineer to compare it with the
 * one shown on the box (e.g. {@code openssl x509 -pubkey ... | sha256}) and type its first 8 hex digits.
 * Only then is the key pinned; RedPair never trusts a certificate silently.
 */
public final class TlsFirstUseDialog {

    private TlsFirstUseDialog() {
    }

    /**
     * Fetches the box's certificate off the JavaFX thread, then asks; {@code onConfirmed} gets the certificate and
     * what the engineer typed (the trust store checks it again before pinning).
     */
    public static void check(Window owner, URI url, BiConsumer<PresentedCertificate, String> onConfirmed,
                             Consumer<String> onProblem) {
        CompletableFuture.supplyAsync(() -> TlsProbe.fetch(url)).thenAcceptAsync(outcome -> {
            if (outcome instanceof Outcome.Ok<PresentedCertificate> ok) {
                confirm(owner, url, ok.value(), onConfirmed);
            } else {
                onProblem.accept("No certificate from " + url + ": " + outcome.describe());
            }
        }, FxExecutor.INSTANCE);
    }

    /** As {@link #confirm(Window, URI, PresentedCertificate, BiConsumer)}; {@code onPin} gets the confirmed pin. */
    public static Dialog<ButtonType> ask(Window owner, URI url, PresentedCertificate cert, Consumer<String> onPin) {
        return confirm(owner, url, cert, (c, typed) -> onPin.accept(c.spkiSha256()));
    }

    /** Shows the key and asks for its first 8 hex digits; {@code onConfirmed} gets the key and what was typed. */
    public static Dialog<ButtonType> confirm(Window owner, URI url, PresentedCertificate cert,
                                             BiConsumer<PresentedCertificate, String> onConfirmed) {
        String hex = Fingerprints.hex(cert.spkiSha256());
        Label fingerprint = new Label(hex);
        fingerprint.setId("tls-fingerprint");
        fingerprint.setWrapText(true);
        fingerprint.setStyle("-fx-font-family: monospace; -fx-font-size: 15px;");
        TextField typed = new TextField();
        typed.setId("tls-typed");
        typed.setPromptText("first 8 hex digits, e.g. " + hex.substring(0, 5));
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Trust this box's certificate?");
        d.setHeaderText("First connection to " + url.getHost() + ":" + url.getPort() + " over TLS");
        d.getDialogPane().setId("tls-first-use");
        d.getDialogPane().setContent(new VBox(8,
                new Label("Subject: " + cert.subject() + (cert.selfSigned() ? " (self-signed)" : "")),
                new Label("Issuer: " + cert.issuer()),
                new Label("Valid: " + cert.notBefore() + " to " + cert.notAfter()),
                new Label("SHA-256 of its public key — compare with the box:"), fingerprint,
                new Label("Type the first 8 hex digits to trust it:"), typed));
        ButtonType trust = new ButtonType("Trust this key", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(trust, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(trust).setDisable(true);
        typed.textProperty().addListener((o, a, b) -> d.getDialogPane().lookupButton(trust)
                .setDisable(!Fingerprints.confirms(b, cert.spkiSha256())));
        d.initModality(Modality.NONE);
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setOnHidden(e -> {
            if (d.getResult() == trust) {
                onConfirmed.accept(cert, typed.getText());
            }
        });
        d.show();
        return d;
    }
}
