package io.tributary.api;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of the control plane's web layer depend on each other in one direction only: a
 * cycle (tenancy ↔ security, error ↔ config, ...) means two packages can neither be read nor
 * changed apart, so the build refuses one.
 */
@AnalyzeClasses(packages = "io.tributary.api", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.tributary.api.(*)..")
            .should().beFreeOfCycles();
}
