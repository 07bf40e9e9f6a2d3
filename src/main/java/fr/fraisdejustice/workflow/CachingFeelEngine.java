package fr.fraisdejustice.workflow;

import java.util.List;

import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;

/**
 * Camunda's scala FEEL engine as it is (its variable contexts, value mappers, custom functions and errors), over the
 * FEEL engine it built, now parsing each text once ({@link ParseOnceFeelEngine}).
 */
class CachingFeelEngine extends ScalaFeelEngine {

    private final ParseOnceFeelEngine parseOnce;

    CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders, int maximumSize) {
        super(functionProviders);
        parseOnce = new ParseOnceFeelEngine(feelEngine, maximumSize);
        feelEngine = parseOnce;
    }

    /** How many parsed texts are kept now. */
    int cachedExpressions() {
        return parseOnce.size();
    }

    /** How many times a text was parsed since the engine was built. */
    long parses() {
        return parseOnce.parses();
    }
}
