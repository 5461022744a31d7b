package io.redpair.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.pair.Site;
import io.redpair.pair.approval.ApprovalSettings;
import io.redpair.store.Journal;
import io.redpair.store.SiteFile;
import io.redpair.store.approvers.DeliberateGate;
import io.redpair.store.audit.AuditLog;
import io.redpair.store.audit.AuditRecord;
import io.redpair.ui.fake.Snapshots;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Saving the pair editor is a policy change (issue 8 item 4): typed pair id first, audited, else not written. */
@ExtendWith(ApplicationExtension.class)
class GatedEditorSaveUiTest {

    @TempDir
    Path dir;
    private Path siteFile;
    private final List<String> reports = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        Site site = Snapshots.site(2);
        siteFile = dir.resolve("site.json");
        stage.setScene(new Scene(new Pane(), 100, 100));
        stage.show();
        PairEditorWindow.open(siteFile, site, site.pairs().get(0), List.of(), reports::add,
                DeliberateGate.forSite(siteFile, ApprovalSettings.singlePerson()));
    }

    private void saveTyping(FxRobot robot, String typed) throws Exception {
        robot.clickOn("#editor-save");
        io.redpair.ui.fake.FxWait.visible(robot, "#approval-typed");
        robot.clickOn("#approval-typed").write(typed);
        robot.clickOn("Confirm");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !reports.isEmpty());
    }

    private List<AuditRecord> audit() {
        try (AuditLog log = AuditLog.openReadOnly(Journal.fileFor(siteFile))) {
            return log.since(Instant.EPOCH);
        }
    }

    @Test
    void aWrongPairIdIsRefusedAndNothingIsWritten(FxRobot robot) throws Exception {
        saveTyping(robot, "line-2");
        assertThat(reports).singleElement().asString().startsWith("Not done").contains("type 'line-1'");
        assertThat(siteFile).doesNotExist();
        assertThat(audit()).extracting(AuditRecord::type).containsExactly("approval-refused");
    }

    @Test
    void theTypedPairIdSavesAfterTheAuditRow(FxRobot robot) throws Exception {
        saveTyping(robot, "line-1");
        assertThat(reports).singleElement().asString().startsWith("Saved site.json");
        assertThat(SiteFile.load(siteFile).pair("line-1")).isPresent();
        assertThat(audit()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("approval-granted");
            assertThat(r.target()).isEqualTo("line-1");
            assertThat(r.details()).contains("POLICY_CHANGE");
        });
    }
}
