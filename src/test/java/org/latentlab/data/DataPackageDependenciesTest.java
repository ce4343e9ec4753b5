package org.latentlab.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The data layer is plain Java: no JavaFX, no ND4J or DL4J, no other Latent Lab layer. */
class DataPackageDependenciesTest {

    private static final JavaClasses DATA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.latentlab.data");

    @Test
    void dataImportsNoJavaFxNoNd4jAndNoHigherLayer() {
        noClasses().that().resideInAPackage("org.latentlab.data..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.nd4j..", "org.deeplearning4j..",
                        "org.latentlab.app..", "org.latentlab.cli..", "org.latentlab.ui..",
                        "org.latentlab.render..", "org.latentlab.training..", "org.latentlab.model..",
                        "org.latentlab.latent..")
                .check(DATA);
    }
}
