package fr.fraisdejustice.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import fr.fraisdejustice.support.IntegrationTest;

/** Every {@code ${bean}} that a model calls (tasks, business rule tasks, listeners) is a bean of the application. */
@IntegrationTest
class ModelBeansTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyBeanAModelCallsExists() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.list(Path.of("bpmn"))) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                files.put("bpmn/" + path.getFileName(), Files.readAllBytes(path));
            }
        }
        var called = ModelLint.delegateBeans(files);

        assertThat(called).as("les beans appelés par les modèles").isNotEmpty()
                .allSatisfy(bean -> assertThat(context.containsBean(bean)).as("bean « %s »", bean).isTrue());
    }
}
