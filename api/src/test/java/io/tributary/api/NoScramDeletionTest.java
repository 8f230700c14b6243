package io.tributary.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;

/**
 * No control-plane class (web layer or provisioning) can send a SCRAM deletion: replaying one makes a
 * restarted broker lose every SCRAM user (Kafka's ScramDelta.apply, docs/security.md, issue 20). Users are
 * retired with {@code ScramUsers.disable}.
 */
@AnalyzeClasses(packages = "io.tributary", importOptions = ImportOption.DoNotIncludeTests.class)
class NoScramDeletionTest {

    @ArchTest
    static final ArchRule noScramDeletions = noClasses().should().dependOnClassesThat()
            .areAssignableTo(UserScramCredentialDeletion.class)
            .because("a SCRAM deletion in the metadata log empties a restarted broker's SCRAM users (issue 20)");
}
