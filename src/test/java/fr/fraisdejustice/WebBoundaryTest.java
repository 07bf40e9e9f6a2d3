package fr.fraisdejustice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Domain errors are domain types: HTTP is spoken only by the web adapters (controllers, the problem+json mapping, the
 * controllers' download response helper and the security filters). Entities and services throw {@code DomainException}, which one place maps to a status.
 */
class WebBoundaryTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.fraisdejustice");

    @Test
    void onlyWebAdaptersSpeakHttp() {
        noClasses().that().areNotAnnotatedWith(RestController.class)
                .and().areNotAnnotatedWith(Controller.class)
                .and().areNotAnnotatedWith(RestControllerAdvice.class)
                .and().resideOutsideOfPackage("fr.fraisdejustice.security..")
                .and().doNotHaveSimpleName("Problems")
                .and().doNotHaveSimpleName("ProblemResponses")
                .and().doNotHaveSimpleName("StoredFiles")
                .and().doNotHaveSimpleName("UnreadableJson")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.http..")
                .because("entities and services throw DomainException; only web adapters map it to HTTP")
                .check(CLASSES);
    }

    @Test
    void entitiesNeverImportWebTypes() {
        noClasses().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                        "org.springframework.web..", "jakarta.servlet..")
                .check(CLASSES);
    }
}
