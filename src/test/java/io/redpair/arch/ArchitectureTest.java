package io.redpair.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of docs/architecture.md, each with the reason it exists. */
@AnalyzeClasses(packages = "io.redpair", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyUiTouchesJavaFx = noClasses()
            .that().resideOutsideOfPackages("io.redpair.ui..")
            .and().doNotHaveFullyQualifiedName("io.redpair.Main")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..", "org.kordamp.ikonli..")
            .because("the supervisor must run headless and the domain must never call Platform.runLater");

    @ArchTest
    static final ArchRule coreHasNoIo = noClasses()
            .that().resideInAnyPackage("io.redpair.pair..", "io.redpair.failover..", "io.redpair.health..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..", "com.fazecast..", "java.sql..", "javax.sql..", "org.sqlite..")
            .because("the decision core and health model are pure: time and I/O results are passed in");

    @ArchTest
    static final ArchRule domainIsJdkOnly = noClasses()
            .that().resideInAPackage("io.redpair.pair..")
            .should().dependOnClassesThat().resideOutsideOfPackages("io.redpair.pair..", "java..")
            .because("the domain records are shared by every layer and must not pull libraries along");

    @ArchTest
    static final ArchRule cliDoesNotUseUi = noClasses()
            .that().resideInAPackage("io.redpair.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.redpair.ui..")
            .because("the headless CLI must start without a display or the JavaFX toolkit");

    @ArchTest
    static final ArchRule uiDoesNotUseCli = noClasses()
            .that().resideInAPackage("io.redpair.ui..")
            .should().dependOnClassesThat().resideInAPackage("io.redpair.cli..")
            .because("the console talks to the engine, not to the command line");

    @ArchTest
    static final ArchRule failoverOnlyUsesDomain = noClasses()
            .that().resideInAPackage("io.redpair.failover..")
            .should().dependOnClassesThat().resideInAnyPackage("io.redpair.supervisor..", "io.redpair.nodered..",
                    "io.redpair.arbiter..", "io.redpair.store..", "io.redpair.ui..", "io.redpair.cli..")
            .because("the decider is a pure function of (state, event, now); arrows point inward");

    @ArchTest
    static final ArchRule nobodyBlocksOnThreadSleepInCore = noClasses()
            .that().resideInAnyPackage("io.redpair.failover..", "io.redpair.health..")
            .should().callMethod(Thread.class, "sleep", long.class)
            .because("time is an input to the core, never waited for inside it");
}
