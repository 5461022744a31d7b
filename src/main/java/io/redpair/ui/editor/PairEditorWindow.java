package io.redpair.ui.editor;

import io.redpair.store.secrets.SecretStores;
import java.time.Clock;
import io.redpair.arbiter.PortScanner;
import io.redpair.pair.Pair;
import io.redpair.pair.Site;
import io.redpair.pair.approval.DeliberateAction;
import io.redpair.store.approvers.DeliberateGate;
import io.redpair.store.SiteFile;
import io.redpair.store.SiteFileException;
import io.redpair.ui.FxExecutor;
import io.redpair.ui.actions.ApprovalDialog;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens the pair editor in its own window and saves through {@link SiteFile#save} (atomic: temp file and
 * rename, previous version kept as backup) off the JavaFX thread. A running supervisor keeps its loaded
 * site until it is restarted; the status line says so.
 */
public final class PairEditorWindow {

    private PairEditorWindow() {
    }

    /**
     * @param gate a save is a policy change: confirmed by typing the pair id (and approved by a second person
     *             where the site asks) and audited before the file is written
     */
    public static Stage open(Path siteFile, Site site, Pair pair, List<PortScanner.PortInfo> ports,
                             Consumer<String> report, DeliberateGate gate) {
        PairEditorViewModel vm = new PairEditorViewModel(site, pair == null ? null : pair.id());
        Stage stage = new Stage();
        PairEditorView view = new PairEditorView(vm, pair, ports, form -> {
            Pair edited = vm.toPair(form, pair);
            Site updated = vm.withPair(edited);
            ApprovalDialog.ask(stage, gate, DeliberateAction.POLICY_CHANGE, edited.id(), report,
                    () -> saveAndClose(siteFile, updated, stage, report));
        }, new StoreSecretViewModel(vm.secretStore(), SecretStores.standard()), new SiteKeyTrust(siteFile, Clock.systemUTC()));
        stage.setTitle(pair == null ? "New pair" : "Edit pair " + pair.id());
        stage.setScene(new Scene(view.root()));
        stage.show();
        return stage;
    }

    private static void saveAndClose(Path siteFile, Site updated, Stage stage, Consumer<String> report) {
        CompletableFuture.runAsync(() -> save(siteFile, updated)).whenCompleteAsync((ok, failure) -> {
            if (failure == null) {
                report.accept("Saved " + siteFile.getFileName() + "; restart supervision to apply it");
                stage.close();
            } else {
                report.accept("Not saved: " + (failure instanceof CompletionException ? failure.getCause()
                        : failure).getMessage());
            }
        }, FxExecutor.INSTANCE);
    }

    private static void save(Path file, Site site) {
        try {
            SiteFile.save(file, site);
        } catch (SiteFileException e) {
            throw new CompletionException(e);
        }
    }
}
