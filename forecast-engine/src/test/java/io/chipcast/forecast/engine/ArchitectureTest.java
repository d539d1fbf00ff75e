package io.chipcast.forecast.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is plain Java: testable and benchmarkable without a framework, a broker or a database. */
class ArchitectureTest {

    @Test
    void theEngineUsesNoFrameworkBrokerOrDatabaseTypes() {
        JavaClasses engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.chipcast.forecast.engine");

        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta..", "org.hibernate..",
                        "org.apache.kafka..", "java.sql..", "io.chipcast.contracts.kafka..")
                .because("the engine must run and be measured as plain Java (SPEC section 4 only)")
                .check(engine);
    }
}
