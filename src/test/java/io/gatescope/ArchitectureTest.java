package io.gatescope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The headless core never touches JavaFX, so the engine can be tested, benchmarked and driven from the
 * command line without a screen.
 */
@AnalyzeClasses(packages = "io.gatescope", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule headlessCoreHasNoJavaFx = noClasses()
            .that().resideInAnyPackage("io.gatescope.engine..", "io.gatescope.optim..", "io.gatescope.task..",
                    "io.gatescope.train..", "io.gatescope.io..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("engine, optim, task, train and io must run without a screen (see DESIGN.md)");
}
