package io.redpair.ui.editor;

import io.redpair.pair.BoxId;
import io.redpair.store.trust.PinFileException;
import io.redpair.store.trust.TrustRefusedException;
import io.redpair.store.audit.AuditUnavailableException;
import io.redpair.ui.FxExecutor;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One box's URL field with its TLS trust: "Trust key…" (https only) fetches the certificate, shows its
 * fingerprint to compare with the box ({@link TlsFirstUseDialog}) and pins it into the site's pins file; the line
 * under it says what is pinned, that the box is unencrypted (http), or why trust was refused. File and network
 * work runs off the JavaFX thread.
 */
final class BoxKeyTrust {

    private final BoxId box;
    private final TextField url;
    private final Supplier<String> pairId;
    private final SiteKeyTrust trust;
    private final Button button = new Button("Trust key…");
    private final Label status = new Label();
    private final VBox node;
    /** Bumped by every URL change (JavaFX thread): a lookup that finishes after a newer one began is dropped. */
    private long generation;

    BoxKeyTrust(BoxId box, TextField url, Supplier<String> pairId, SiteKeyTrust trust) {
        this.box = box;
        this.url = url;
        this.pairId = pairId;
        this.trust = trust;
        String suffix = box.name().toLowerCase();
        button.setId("editor-trust-" + suffix);
        status.setId("editor-trust-status-" + suffix);
        status.getStyleClass().add("text-small");
        status.setWrapText(true);
        button.setOnAction(e -> askAndPin());
        HBox.setHgrow(url, Priority.ALWAYS);
        node = new VBox(2, new HBox(8, url, button), status);
        url.textProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    VBox node() {
        return node;
    }

    /** Re-reads what is pinned for the box whenever its URL changes. */
    void refresh() {
        long lookup = ++generation;
        URI uri = httpsUri();
        button.setDisable(uri == null || pairId.get().isBlank());
        if (uri == null) {
            status.setText(url.getText().startsWith("http://") ? "Unencrypted (http://): no key to pin" : "");
            return;
        }
        String pair = pairId.get();
        CompletableFuture.supplyAsync(() -> {
            try {
                return trust.pinned(pair, box).map(SiteKeyTrust::describe).orElse("Key not trusted yet: press Trust key…");
            } catch (PinFileException e) {
                return "Pins file: " + e.getMessage();
            }
        }).thenAcceptAsync(text -> {
            if (lookup == generation) {
                status.setText(text);
            }
        }, FxExecutor.INSTANCE);
    }

    private void askAndPin() {
        URI uri = httpsUri();
        String pair = pairId.get();
        TlsFirstUseDialog.check(node.getScene() == null ? null : node.getScene().getWindow(), uri,
                (cert, typed) -> CompletableFuture.supplyAsync(() -> confirm(pair, cert, typed))
                        .thenAcceptAsync(status::setText, FxExecutor.INSTANCE),
                status::setText);
    }

    private String confirm(String pair, io.redpair.nodered.PresentedCertificate cert, String typed) {
        try {
            return trust.confirm(pair, box, cert, typed);
        } catch (TrustRefusedException | PinFileException e) {
            return "Not trusted: " + e.getMessage();
        } catch (AuditUnavailableException e) {
            return "Not trusted, the audit trail is unavailable: " + e.getMessage();
        }
    }

    private URI httpsUri() {
        try {
            URI u = URI.create(url.getText().strip());
            return "https".equals(u.getScheme()) && u.getHost() != null ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
