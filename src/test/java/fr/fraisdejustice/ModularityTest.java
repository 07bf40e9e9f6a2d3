package fr.fraisdejustice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
    void theModuleDocumentationIsWritten() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        inStableOrder();
    }

    static final Path DOCS = Path.of("docs", "modules");

    /** The Documenter lists a diagram's relations in no fixed order: sorted, a run with no change leaves no diff. */
    private static void inStableOrder() throws IOException {
        try (Stream<Path> diagrams = Files.list(DOCS)) {
            for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(diagram);
                List<String> relations = lines.stream().filter(line -> line.startsWith("Rel(")).sorted().toList();
                List<String> sorted = new ArrayList<>();
                int next = 0;
                for (String line : lines) {
                    sorted.add(line.startsWith("Rel(") ? relations.get(next++) : line);
                }
                Files.write(diagram, sorted);
            }
        }
    }
}
