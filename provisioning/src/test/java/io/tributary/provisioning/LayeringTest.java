package io.tributary.provisioning;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Provisioning is domain and lifecycle logic: it must not know about HTTP. */
class LayeringTest {

    @Test
    void provisioningImportsNoWebClasses() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tributary.provisioning");
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..", "io.tributary.api..")
                .check(classes);
    }
}
