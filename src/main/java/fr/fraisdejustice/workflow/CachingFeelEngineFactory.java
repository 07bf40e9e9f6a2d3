package fr.fraisdejustice.workflow;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;

/**
 * The DMN engine's FEEL engine factory whose engines parse each expression and unary-tests text once, and keep at most
 * {@code maximumSize} parsed texts (the least recently used goes first). Results are those of Camunda's scala FEEL
 * engine. Plugged into the process engine by {@link FeelExpressionCachePlugin}; public for a bare DMN engine
 * ({@code DmnEngineConfiguration.createDefaultDmnEngineConfiguration().feelEngineFactory(...)}).
 */
public class CachingFeelEngineFactory implements FeelEngineFactory {

    private final int maximumSize;
    private final Supplier<List<FeelCustomFunctionProvider>> functionProviders;

    public CachingFeelEngineFactory(int maximumSize) {
        this(maximumSize, List::of);
    }

    /** The custom FEEL functions are read when the engine is created, after every plugin configured them. */
    CachingFeelEngineFactory(int maximumSize, Supplier<List<FeelCustomFunctionProvider>> functionProviders) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1, was " + maximumSize);
        }
        this.maximumSize = maximumSize;
        this.functionProviders = functionProviders;
    }

    @Override
    public FeelEngine createInstance() {
        return new CachingFeelEngine(functionProviders.get(), maximumSize);
    }
}
