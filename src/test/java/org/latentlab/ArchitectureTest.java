package org.latentlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers point only downwards: app → cli, ui → render, training → latent, likelihood, model,
 * data → io. The engine knows no JavaFX; views and figures know no ND4J. {@code likelihood} stands
 * on the model's plain-Java face alone, so the command line, the training thread and a view's
 * worker can all use it. {@code storage} (the per-user folders) sits below them all, so the window
 * and the command line both use it. {@code lesson} (setups and lessons) sits beside the engine: it
 * reads the value types of data, model and training, and the window and the command line read it.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.latentlab");

    private static final String[] TENSOR_LIBRARIES = {"org.nd4j..", "org.deeplearning4j..", "org.bytedeco.."};

    @Test
    void dataIsPlainJava() {
        noClasses().that().resideInAPackage("org.latentlab.data..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.nd4j..", "org.deeplearning4j..",
                        "org.latentlab.model..", "org.latentlab.training..", "org.latentlab.latent..",
                        "org.latentlab.render..", "org.latentlab.ui..", "org.latentlab.cli..", "org.latentlab.app..",
                        "org.latentlab.lesson..")
                .check(CLASSES);
    }

    @Test
    void engineKnowsNoJavaFxAndNoLayerAboveIt() {
        noClasses().that().resideInAnyPackage("org.latentlab.model..", "org.latentlab.training..",
                        "org.latentlab.latent..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..",
                        "org.latentlab.render..", "org.latentlab.ui..", "org.latentlab.cli..", "org.latentlab.app..",
                        "org.latentlab.lesson..")
                .check(CLASSES);
    }

    @Test
    void lessonsReadTheEngineValuesAndNothingAbove() {
        noClasses().that().resideInAPackage("org.latentlab.lesson..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "org.nd4j..",
                        "org.deeplearning4j..", "org.bytedeco..", "org.latentlab.latent..", "org.latentlab.render..",
                        "org.latentlab.ui..", "org.latentlab.cli..", "org.latentlab.app..", "org.latentlab.storage..")
                .check(CLASSES);
    }

    @Test
    void likelihoodEngineUsesTheModelAndTheJdkAlone() {
        classes().that().resideInAPackage("org.latentlab.likelihood..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.latentlab.likelihood..",
                        "org.latentlab.model..")
                .check(CLASSES);
    }

    @Test
    void modelDoesNotReachUpIntoTraining() {
        noClasses().that().resideInAPackage("org.latentlab.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.latentlab.training..", "org.latentlab.latent..",
                        "org.latentlab.likelihood..", "org.latentlab.data..")
                .check(CLASSES);
    }

    @Test
    void onlyTheModelTouchesTheTensorLibrary() {
        noClasses().that().resideOutsideOfPackage("org.latentlab.model..")
                .should().dependOnClassesThat().resideInAnyPackage(TENSOR_LIBRARIES)
                .check(CLASSES);
    }

    @Test
    void viewsKnowNeitherTheCommandLineNorTheApplication() {
        noClasses().that().resideInAPackage("org.latentlab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.latentlab.cli..", "org.latentlab.app..")
                .check(CLASSES);
    }

    @Test
    void safeFileWritingStandsOnItsOwn() {
        noClasses().that().resideInAPackage("org.latentlab.io..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.latentlab.data..", "org.latentlab.model..",
                        "org.latentlab.training..", "org.latentlab.latent..", "org.latentlab.render..", "org.latentlab.ui..",
                        "org.latentlab.cli..", "org.latentlab.app..", "org.latentlab.lesson..")
                .check(CLASSES);
    }

    @Test
    void figuresAndViewsStayOffEachOther() {
        noClasses().that().resideInAPackage("org.latentlab.render..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.latentlab.ui..",
                        "org.latentlab.cli..", "org.latentlab.app..", "org.latentlab.lesson..")
                .check(CLASSES);
    }

    @Test
    void storageDependsOnTheJdkAlone() {
        classes().that().resideInAPackage("org.latentlab.storage..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.latentlab.storage..")
                .check(CLASSES);
    }
}
