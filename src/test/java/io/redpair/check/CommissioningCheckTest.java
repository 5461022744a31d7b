package io.redpair.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.cli.RedPairCommand;
import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedProcess;
import io.redpair.nodered.NodeRedAuth;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.store.SecretResolver;
import io.redpair.store.SiteFile;
import io.redpair.supervisor.NodeRedBoxPort;
import io.redpair.testkit.LabSiteFile;
import io.redpair.testkit.NodeRedBoxes;
import io.redpair.testkit.TestFlows;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commissioning check against real Node-RED boxes: a good pair passes, each classic mistake is named with its fix. */
class CommissioningCheckTest {

    @RegisterExtension
    final NodeRedBoxes boxes = new NodeRedBoxes();

    @TempDir
    Path dir;

    @Test
    void aGoodPairPassesAndTheBootGuardIsLeftToTheEngineer() throws Exception {
        CheckReport r = check(boxes.start(BoxOptions.defaults()), boxes.start(BoxOptions.defaults().withBootStopped(true)));
        assertThat(r.items()).noneMatch(i -> i.status() == CheckStatus.FAIL);
        assertThat(r.passed()).isTrue();
        assertThat(r.named("spare-stopped")).singleElement().extracting(CheckItem::status).isEqualTo(CheckStatus.PASS);
        assertThat(r.named("flows-identical")).singleElement().extracting(CheckItem::status).isEqualTo(CheckStatus.PASS);
        assertThat(r.named("canary-answers")).singleElement().extracting(CheckItem::status).isEqualTo(CheckStatus.PASS);
        assertThat(r.named("runtime-state")).hasSize(2).allMatch(i -> i.status() == CheckStatus.PASS);
        assertThat(r.named("boot-guard")).hasSize(2).allMatch(i -> i.status() == CheckStatus.MANUAL && i.fix().contains("INSTALL.md"));
        assertThat(r.named("arbiter")).singleElement().extracting(CheckItem::status).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void runtimeStateDisabledFailsWithTheSettingToAdd() throws Exception {
        CheckReport r = check(boxes.start(BoxOptions.defaults()),
                boxes.start(BoxOptions.defaults().withRuntimeState(false).withBootStopped(true)));
        CheckItem b = r.items().stream().filter(i -> i.scope().equals("B") && i.name().equals("runtime-state")).findFirst().orElseThrow();
        assertThat(b.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(b.fix()).contains("runtimeState: { enabled: true }");
        assertThat(r.passed()).isFalse();
    }

    @Test
    void differentFlowsOnTheSpareFail() throws Exception {
        CheckReport r = check(boxes.start(BoxOptions.defaults()),
                boxes.start(BoxOptions.defaults().withFlows(TestFlows.path(TestFlows.CANARY_WITH_BLOCKER)).withBootStopped(true)));
        CheckItem flows = r.named("flows-identical").get(0);
        assertThat(flows.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(flows.fix()).contains("redpair push");
    }

    @Test
    void theSpareRunningFlowsFails() throws Exception {
        CheckReport r = check(boxes.start(BoxOptions.defaults()), boxes.start(BoxOptions.defaults()));
        CheckItem spare = r.named("spare-stopped").get(0);
        assertThat(spare.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(spare.detail()).contains("both boxes run flows");
    }

    @Test
    void aWrongPasswordFailsAuthButTheBoxIsReachable() throws Exception {
        BoxOptions withLogin = BoxOptions.defaults().withUsers(new BoxOptions.AdminUser("admin", "right-one", "*"));
        NodeRedProcess a = boxes.start(withLogin);
        NodeRedProcess b = boxes.start(withLogin.withBootStopped(true));
        Pair pair = SiteFile.load(LabSiteFile.write(dir, a, b, true)).pair("line1").orElseThrow();
        CheckReport r = new CommissioningCheck(box -> (box == BoxId.A ? a : b)
                .endpoint(new NodeRedAuth.Password("admin", (box == BoxId.A ? "wrong" : "right-one").toCharArray(), "*")))
                .run(pair);
        CheckItem authA = r.items().stream().filter(i -> i.scope().equals("A") && i.name().equals("auth")).findFirst().orElseThrow();
        assertThat(authA.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(authA.fix()).contains("secret");
        assertThat(r.items()).anyMatch(i -> i.scope().equals("A") && i.name().equals("reachable") && i.status() == CheckStatus.PASS);
        assertThat(r.items()).anyMatch(i -> i.scope().equals("B") && i.name().equals("auth") && i.status() == CheckStatus.PASS);
        assertThat(r.passed()).isFalse();
    }

    @Test
    void theCliExitsZeroForAGoodPairAndPrintsJson() throws Exception {
        Path site = LabSiteFile.write(dir, boxes.start(BoxOptions.defaults()),
                boxes.start(BoxOptions.defaults().withBootStopped(true)), true);
        StringWriter out = new StringWriter();
        CommandLine cl = RedPairCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()));
        int exit = cl.execute("check", "--site", site.toString(), "--pair", "line1", "--json");
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("\"passed\" : true").contains("\"name\" : \"boot-guard\"");

        StringWriter out2 = new StringWriter();
        int missing = RedPairCommand.commandLine().setOut(new PrintWriter(out2)).setErr(new PrintWriter(out2))
                .execute("check", "--site", site.toString(), "--pair", "nope");
        assertThat(missing).isEqualTo(3);
        assertThat(out2.toString()).contains("no pair 'nope'");
    }

    private CheckReport check(NodeRedProcess a, NodeRedProcess b) throws Exception {
        Pair pair = SiteFile.load(LabSiteFile.write(dir, a, b, true)).pair("line1").orElseThrow();
        SecretResolver secrets = new SecretResolver();
        return new CommissioningCheck(box -> NodeRedBoxPort.endpoint(pair, box, secrets)).run(pair);
    }
}
