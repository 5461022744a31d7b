package io.redpair.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.redpair.lab.BoxOptions;
import io.redpair.lab.NodeRedInstallation;
import io.redpair.lab.NodeRedProcess;
import io.redpair.nodered.NodeRedClient;
import java.lang.reflect.Method;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Puts the Node-RED and Node.js versions the integration tests run against into the Surefire console
 * (test output itself goes to files): the class's display name is computed from the installation,
 * and the test checks that a started box really answers as that version.
 */
@DisplayNameGeneration(RealNodeRedVersionTest.VersionedName.class)
class RealNodeRedVersionTest {

    @RegisterExtension
    static final NodeRedBoxes BOXES = new NodeRedBoxes();

    @Test
    void boxAnswersAsThePinnedVersion() {
        NodeRedInstallation install = NodeRedBoxes.installation();
        NodeRedProcess box = BOXES.start(BoxOptions.defaults());
        try (NodeRedClient client = NodeRedClient.create(box.endpoint())) {
            assertThat(client.settings().value().version()).isEqualTo(install.version());
        }
    }

    /** Installs (once per machine, cached) at discovery so the name can carry the real versions. */
    static final class VersionedName extends DisplayNameGenerator.Standard {
        @Override
        public String generateDisplayNameForClass(Class<?> testClass) {
            NodeRedInstallation install = NodeRedBoxes.installation();
            return "Real Node-RED " + install.version() + " on Node.js " + install.nodeVersion() + " (" + testClass.getSimpleName() + ")";
        }

        @Override
        public String generateDisplayNameForMethod(Class<?> testClass, Method testMethod) {
            return testMethod.getName();
        }
    }
}
