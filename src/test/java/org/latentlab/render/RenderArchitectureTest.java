package org.latentlab.render;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The render package draws plain Java values with the JDK alone: no JavaFX, no ND4J, no other project
 * package but {@code io}, whose safe file write {@code PngFile} uses.
 */
class RenderArchitectureTest {

    @Test
    void renderDependsOnTheJdkAndItselfOnly() {
        JavaClasses render = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.latentlab.render");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax..", "org.latentlab.render..", "org.latentlab.io..")
                .check(render);
    }
}
