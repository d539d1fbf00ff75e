package io.chipcast.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rooms every chipcast service has, and which way they may lean (ADR 001): {@code rest} (HTTP
 * in) and {@code messaging} (Kafka in and out) call {@code service}, which calls
 * {@code repository}. Services know no HTTP: they return plain results and throw
 * {@code platform.service} exceptions, which the REST layer turns into problems. Plain JUnit on the
 * compiled classes; a service's test extends it and names its base package.
 */
public abstract class LayeringContract {

    private JavaClasses classes;

    /** The service's base package, e.g. {@code io.chipcast.pricing}. */
    protected abstract String basePackage();

    @BeforeEach
    void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(basePackage());
    }

    @Test
    void servicesKnowNeitherHttpNorTheirCallers() {
        noClasses().that().resideInAPackage(basePackage() + ".service..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage() + ".rest..", basePackage() + ".messaging..",
                        "jakarta.ws.rs..", "org.jboss.resteasy..", "io.chipcast.platform.rest..")
                .because("a service is called by REST resources and by consumers alike, and answers neither in HTTP")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void repositoriesKnowOnlyTheDatabase() {
        noClasses().that().resideInAPackage(basePackage() + ".repository..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage() + ".service..", basePackage() + ".rest..",
                        basePackage() + ".messaging..", "jakarta.ws.rs..", "io.chipcast.platform.rest..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void restReachesKafkaOnlyThroughServices() {
        noClasses().that().resideInAPackage(basePackage() + ".rest..")
                .should().dependOnClassesThat().resideInAPackage(basePackage() + ".messaging..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void messagingKnowsNoHttp() {
        noClasses().that().resideInAPackage(basePackage() + ".messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage() + ".rest..", "jakarta.ws.rs..",
                        "io.chipcast.platform.rest..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
