package fr.fraisdejustice.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import fr.fraisdejustice.models.ModelLint;
import fr.fraisdejustice.models.ModelLintBeans;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * Every {@code ${bean}} that a model calls (tasks, business rule tasks, listeners) is a bean of the application, and the
 * shipped models pass the live deployment's lint with the application's real beans.
 */
@IntegrationTest
class ModelBeansTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ModelLintBeans beans;

    @Test
    void everyBeanAModelCallsExists() throws IOException {
        var called = ModelLint.delegateBeans(models(List.of("bpmn")));

        assertThat(called).as("les beans appelés par les modèles").isNotEmpty()
                .allSatisfy(bean -> assertThat(context.containsBean(bean)).as("bean « %s »", bean).isTrue());
    }

    @Test
    void theShippedModelsPassTheLintWithTheApplicationsBeans() throws IOException {
        assertThat(new ModelLint(beans).lint(models(List.of("bpmn", "dmn", "forms")))).isEmpty();
    }

    private static Map<String, byte[]> models(List<String> folders) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String folder : folders) {
            try (Stream<Path> paths = Files.list(Path.of(folder))) {
                for (Path path : paths.filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$")).toList()) {
                    files.put(folder + "/" + path.getFileName(), Files.readAllBytes(path));
                }
            }
        }
        return files;
    }
}
