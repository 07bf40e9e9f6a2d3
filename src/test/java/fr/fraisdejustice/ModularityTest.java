package fr.fraisdejustice;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module: no cycle between modules, no reach into another module's internals (only the types
 * of its root package). The module documentation under docs/modules/ is written anew by this test.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(FraisDeJusticeApplication.class);

    @Test
    void theModulesFormAGraphWithoutCycleAndUseOnlyEachOthersPublicTypes() {
        MODULES.verify();
    }

    @Test
    void theModuleDocumentationIsWritten() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
