package io.redpair.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Site;
import io.redpair.store.SiteFile;
import io.redpair.ui.editor.PairEditorViewModel.Field;
import io.redpair.ui.fake.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation as you type, the policy in words, and a saved site file that loads back the same. */
class PairEditorViewModelTest {

    private final Site site = Snapshots.site(2);

    private static PairForm good() {
        return new PairForm("line-9", "Press 9", "http://10.0.0.11:1880/", "https://10.0.0.12:1880/admin",
                AuthRef.Kind.PASSWORD, "redpair", "env:LINE9_PW", "/dev/ttyUSB1", "WDA-9", "250", "4", "600", true);
    }

    @Test
    void aGoodFormHasNoErrorsAndSaysWhatThePolicyMeans() {
        PairEditorViewModel vm = new PairEditorViewModel(site, null);
        assertThat(vm.validate(good())).isEmpty();
        assertThat(vm.meaning(good())).isEqualTo("A box that stops answering is declared dead after 1.0 s (4 probes "
                + "every 250 ms). RedPair then fails over on its own, at most once every 10 min; a second failure waits for you.");
    }

    @Test
    void eachBadFieldGetsItsOwnMessage() {
        PairEditorViewModel vm = new PairEditorViewModel(site, null);
        PairForm bad = new PairForm("line-1", "", "ftp://x", "10.0.0.12", AuthRef.Kind.PASSWORD, " ", "hunter2",
                null, null, "20", "x", "-1", false);
        assertThat(vm.validate(bad)).containsOnlyKeys(Field.ID, Field.URL_A, Field.URL_B, Field.USERNAME, Field.SECRET,
                Field.INTERVAL, Field.MISSED, Field.HOLD_DOWN);
        assertThat(vm.validate(bad).get(Field.ID)).isEqualTo("the site already has a pair 'line-1'");
        assertThat(vm.validate(bad).get(Field.URL_A)).isEqualTo("must start with http:// or https://");
        assertThat(vm.validate(bad).get(Field.SECRET)).contains("never the password itself");
        assertThat(vm.meaning(bad)).isEmpty();
    }

    @Test
    void theSameUrlForBothBoxesIsRefusedAndEditingKeepsItsOwnId() {
        PairEditorViewModel vm = new PairEditorViewModel(site, "line-1");
        PairForm same = new PairForm("line-1", "x", "http://10.0.0.11:1880/", "http://10.0.0.11:1880/",
                AuthRef.Kind.NONE, null, null, null, null, "250", "4", "600", true);
        assertThat(vm.validate(same)).containsOnlyKeys(Field.URL_B);
    }

    @Test
    void savedSiteLoadsBackWithTheEditedPair(@TempDir Path dir) throws Exception {
        PairEditorViewModel vm = new PairEditorViewModel(site, null);
        Pair pair = vm.toPair(good(), null);
        Path file = dir.resolve("site.json");
        SiteFile.save(file, vm.withPair(pair));
        Site loaded = SiteFile.load(file);
        assertThat(loaded.pairs()).hasSize(3);
        Pair back = loaded.pair("line-9").orElseThrow();
        assertThat(back.box(BoxId.B).url()).hasToString("https://10.0.0.12:1880/admin");
        assertThat(back.box(BoxId.A).auth().secretRef()).isEqualTo("env:LINE9_PW");
        assertThat(back.arbiter().serialNumber()).isEqualTo("WDA-9");
        assertThat(Files.readString(file)).doesNotContain("hunter2");
    }
}
