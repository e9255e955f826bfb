package org.recausal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine is shared by the desktop, the CLI, the tests and (later) a cluster runner, so it must
 * not know about any user interface; the CLI must run where no display exists.
 */
@AnalyzeClasses(packages = "org.recausal", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule engineUsesNoJavaFx = noClasses().that().resideInAPackage("org.recausal.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp.ikonli..")
            .because("the engine runs headless in the CLI, tests and batch runners");

    @ArchTest
    static final ArchRule engineUsesNoAwtOrSwing = noClasses().that().resideInAPackage("org.recausal.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..")
            .because("the engine runs headless in the CLI, tests and batch runners");

    @ArchTest
    static final ArchRule engineDoesNotKnowItsClients = noClasses().that().resideInAPackage("org.recausal.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.recausal.desktop..", "org.recausal.cli..");

    @ArchTest
    static final ArchRule cliUsesNoJavaFx = noClasses().that().resideInAPackage("org.recausal.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.recausal.desktop..");

    @ArchTest
    static final ArchRule desktopDoesNotUseCli = noClasses().that().resideInAPackage("org.recausal.desktop..")
            .should().dependOnClassesThat().resideInAPackage("org.recausal.cli..");
}
