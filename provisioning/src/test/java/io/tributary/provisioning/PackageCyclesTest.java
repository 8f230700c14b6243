package io.tributary.provisioning;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Provisioning's packages form layers (json, crypto, catalog → instance → host → tls, kafkauser → desired → operation
 * → reconcile): a package never needs one that needs it, so each can be read and changed on its own.
 */
class PackageCyclesTest {

    @Test
    void packagesAreFreeOfCycles() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tributary.provisioning");
        slices().matching("io.tributary.provisioning.(*)..").should().beFreeOfCycles().check(classes);
    }
}
