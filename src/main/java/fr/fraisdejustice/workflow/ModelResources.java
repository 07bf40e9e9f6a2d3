package fr.fraisdejustice.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Finds the analysts' models on the classpath (Maven copies the top-level {@code bpmn/}, {@code dmn/}, {@code dmn/tests/}
 * and {@code forms/} folders there) and names each one by folder and file name only, so that the name is the same whether the application
 * runs from {@code target/classes}, from the packaged jar or from anywhere else.
 */
public final class ModelResources {

    /**
     * The model folders and the file ending each holds. The decision test cases travel with their tables: the engine
     * stores a {@code .csv} as a plain deployment resource (no deployer claims it), so the live test cases have the same
     * history as the live tables, and a live deployment checks a changed table against them.
     */
    public static final List<String> FOLDERS = List.of("bpmn/*.bpmn", "dmn/*.dmn", "dmn/tests/*.csv", "forms/*.form");

    private final ResourcePatternResolver resolver;

    public ModelResources(ResourcePatternResolver resolver) {
        this.resolver = resolver;
    }

    public ModelResources() {
        this(new PathMatchingResourcePatternResolver());
    }

    public List<ModelResource> scan() {
        List<ModelResource> models = new ArrayList<>();
        for (String pattern : FOLDERS) {
            String folder = pattern.substring(0, pattern.lastIndexOf('/') + 1);
            try {
                for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
                    try (InputStream content = resource.getInputStream()) {
                        models.add(new ModelResource(folder + resource.getFilename(), content.readAllBytes()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Lecture des modèles " + pattern + " impossible", e);
            }
        }
        models.sort(Comparator.comparing(ModelResource::name));
        return models;
    }
}
