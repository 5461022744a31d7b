package io.redpair.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.nodered.DeployType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeploymentAdvisorTest {

    /** Two tabs: inject → function → debug on t1; mqtt in (broker b) → split → join → debug on t2; a subflow used twice. */
    private static final String BASE = "["
            + "{'id':'t1','type':'tab','label':'One','env':[]},"
            + "{'id':'t2','type':'tab','label':'Two'},"
            + "{'id':'b','type':'mqtt-broker','broker':'h','clientid':''},"
            + "{'id':'gc','type':'global-config','env':[]},"
            + "{'id':'sf','type':'subflow','name':'Scale','in':[]},"
            + "{'id':'sfn','type':'change','z':'sf','name':'x','x':1,'y':1,'wires':[[]]},"
            + "{'id':'i1','type':'inject','z':'t1','x':1,'y':1,'wires':[['f1']]},"
            + "{'id':'f1','type':'function','z':'t1','func':'return msg;','x':2,'y':1,'wires':[['d1']]},"
            + "{'id':'d1','type':'debug','z':'t1','x':3,'y':1,'wires':[]},"
            + "{'id':'s1','type':'subflow:sf','z':'t1','x':4,'y':1,'wires':[[]]},"
            + "{'id':'s2','type':'subflow:sf','z':'t2','x':4,'y':1,'wires':[[]]},"
            + "{'id':'m2','type':'mqtt in','z':'t2','broker':'b','topic':'a','x':1,'y':1,'wires':[['sp']]},"
            + "{'id':'sp','type':'split','z':'t2','splt':'\\\\n','x':2,'y':1,'wires':[['jn']]},"
            + "{'id':'jn','type':'join','z':'t2','mode':'auto','x':3,'y':1,'wires':[['d2']]},"
            + "{'id':'d2','type':'debug','z':'t2','x':4,'y':1,'wires':[]}"
            + "]";

    @Test
    void sameRevisionNeedsNoDeploy() throws Exception {
        DeploymentAdvice advice = advise(BASE, BASE, List.of());
        assertThat(advice.needed()).isFalse();
        assertThat(advice.restarts()).containsEntry(DeployType.NODES, 0).containsEntry(DeployType.FLOWS, 0);
    }

    @Test
    void aMoveIsDeployedWithNodesAndRestartsNothing() throws Exception {
        DeploymentAdvice advice = advise(BASE, BASE.replace("'x':2,'y':1", "'x':9,'y':1"), List.of());
        assertThat(advice.needed()).isTrue();
        assertThat(advice.type()).isEqualTo(DeployType.NODES);
        assertThat(advice.restarts()).containsEntry(DeployType.NODES, 0).containsEntry(DeployType.FLOWS, 0);
    }

    @Test
    void aChangedFunctionRestartsItselfWithNodesAndItsChainWithFlows() throws Exception {
        DeploymentAdvice advice = advise(BASE, BASE.replace("return msg;", "msg.a=1;return msg;"), List.of());
        assertThat(advice.type()).isEqualTo(DeployType.NODES);
        assertThat(advice.restarts()).containsEntry(DeployType.NODES, 1).containsEntry(DeployType.FLOWS, 3)
                .containsEntry(DeployType.FULL, 11);
    }

    @Test
    void aChangedBrokerRestartsItsUsersButStaysANodesDeploy() throws Exception {
        RestartScope scope = scope(BASE, BASE.replace("'broker':'h'", "'broker':'h2'"), List.of());
        assertThat(scope.restartedBy(DeployType.NODES)).containsExactlyInAnyOrder("b", "m2");
        assertThat(scope.globalConfigChanged()).isFalse();
    }

    @Test
    void aChangeInsideASubflowRestartsEveryInstance() throws Exception {
        RestartScope scope = scope(BASE, BASE.replace("'name':'x'", "'name':'y'"), List.of());
        assertThat(scope.restartedBy(DeployType.NODES)).containsExactlyInAnyOrder("s1", "s2");
    }

    @Test
    void theGlobalConfigNodeForcesFull() throws Exception {
        DeploymentAdvice advice = advise(BASE, BASE.replace("'id':'gc','type':'global-config','env':[]",
                "'id':'gc','type':'global-config','env':[{'name':'A','value':'1','type':'str'}]"), List.of());
        assertThat(advice.type()).isEqualTo(DeployType.FULL);
        assertThat(advice.reasons()).singleElement().asString().contains("global-config");
        assertThat(advice.restarts()).containsEntry(DeployType.NODES, 11);
    }

    @Test
    void aChangedSplitFeedingAJoinAsksForFlows() throws Exception {
        DeploymentAdvice advice = advise(BASE, BASE.replace("'splt':'\\\\n'", "'splt':','"), List.of());
        assertThat(advice.type()).isEqualTo(DeployType.FLOWS);
        assertThat(advice.reasons()).singleElement().asString().contains("tab Two / join jn");
    }

    @Test
    void aTabEnvChangeRestartsTheWholeTabEvenWithNodes() throws Exception {
        RestartScope scope = scope(BASE, BASE.replace("'label':'One','env':[]", "'label':'One','env':[{'name':'E'}]"), List.of());
        assertThat(scope.restartedBy(DeployType.NODES)).containsExactlyInAnyOrder("i1", "f1", "d1", "s1");
    }

    @Test
    void pushedCredentialsRestartTheNodeAndItsUsers() throws Exception {
        RestartScope scope = scope(BASE, BASE, List.of("b"));
        assertThat(scope.restartedBy(DeployType.NODES)).containsExactlyInAnyOrder("b", "m2");
        assertThat(advise(BASE, BASE, List.of("b")).needed()).isTrue();
    }

    @Test
    void removedAndAddedNodesAreRestartedAndTheirNeighboursLinked() throws Exception {
        String target = BASE.replace("{'id':'d1','type':'debug','z':'t1','x':3,'y':1,'wires':[]},",
                "{'id':'d9','type':'debug','z':'t1','x':3,'y':1,'wires':[]},").replace("'wires':[['d1']]", "'wires':[['d9']]");
        RestartScope scope = scope(BASE, target, List.of());
        assertThat(scope.restartedBy(DeployType.NODES)).containsExactlyInAnyOrder("d1", "d9");
        assertThat(scope.restartedBy(DeployType.FLOWS)).containsExactlyInAnyOrder("d1", "d9", "f1", "i1");
        assertThat(scope.linked()).isEqualTo(Set.of("i1"));
    }

    private static DeploymentAdvice advise(String current, String target, List<String> credentials) throws Exception {
        return DeploymentAdvisor.advise(parse("current", current), parse("target", target), credentials);
    }

    private static RestartScope scope(String current, String target, List<String> credentials) throws Exception {
        return RestartScope.of(parse("current", current), parse("target", target), credentials);
    }

    static FlowSet parse(String name, String singleQuoted) throws FlowsFormatException {
        return FlowSetLoader.parse(name, singleQuoted.replace('\'', '"'));
    }
}
