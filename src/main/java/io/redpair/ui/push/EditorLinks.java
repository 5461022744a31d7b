package io.redpair.ui.push;

import java.awt.Desktop;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Opens a node in Node-RED's editor: in the desktop's browser when there is one, otherwise (a control-room PC
 * without a browser, or a node no editor has) the link or the id goes to the clipboard and the status line says
 * so. JavaFX thread; the browser is started on a worker thread (it can take seconds).
 */
final class EditorLinks {

    private EditorLinks() {
    }

    /** @param report receives one sentence about what was done */
    static void open(URI link, String id, Consumer<String> report) {
        ClipboardContent content = new ClipboardContent();
        if (link == null) {
            content.putString(id);
            Clipboard.getSystemClipboard().setContent(content);
            report.accept("Node " + id + " is only in the source; its id is copied: paste it into the editor's search box");
            return;
        }
        content.putString(link.toString());
        Clipboard.getSystemClipboard().setContent(content);
        if (!browserAvailable()) {
            report.accept("No browser here: " + link + " is copied to the clipboard");
            return;
        }
        report.accept("Opening " + link + " (also copied to the clipboard)");
        CompletableFuture.runAsync(() -> {
            try {
                Desktop.getDesktop().browse(link);
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(EditorLinks.class).warn("cannot open {}: {}", link, e.toString());
            }
        });
    }

    private static boolean browserAvailable() {
        try {
            return !java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
