package io.gatescope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of docs/architecture.md: the headless core never touches JavaFX, so the engine can be
 * tested, benchmarked and driven from the command line without a screen; the charts and the command
 * line never reach into the window; and only the canvas adapter knows FXGraphics2D, so every picture
 * is drawn once against Graphics2D.
 */
@AnalyzeClasses(packages = "io.gatescope", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule headlessCoreHasNoJavaFx = noClasses()
            .that().resideInAnyPackage("io.gatescope.engine..", "io.gatescope.optim..", "io.gatescope.task..",
                    "io.gatescope.train..", "io.gatescope.io..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("engine, optim, task, train and io must run without a screen (docs/architecture.md)");

    @ArchTest
    static final ArchRule chartsAndCommandLineKnowNoWindow = noClasses()
            .that().resideInAnyPackage("io.gatescope.chart..", "io.gatescope.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.gatescope.ui..")
            .because("charts draw for screen and export alike, and the command line runs headless");

    @ArchTest
    static final ArchRule onlyTheCanvasAdapterKnowsFxGraphics2D = noClasses()
            .that().resideOutsideOfPackage("io.gatescope.ui.canvas..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jfree.fx..")
            .because("the charts draw on Graphics2D; one adapter shows them on a JavaFX canvas");
}
