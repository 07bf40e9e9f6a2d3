package fr.fraisdejustice.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.camunda.feel.FeelEngine;
import org.camunda.feel.context.Context;
import org.camunda.feel.syntaxtree.ParsedExpression;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;

/**
 * The scala FEEL engine, parsing each text once. Its {@code evalExpression(text, context)} is
 * {@code parseExpression(text)} then {@code eval(tree, context)} (and {@code evalUnaryTests} likewise with
 * {@code parseUnaryTests}), at every call: the parse is most of what a decision costs. Here the parse's answer (the tree,
 * or the failure) is kept, keyed by the kind of text and the text, and the same {@code eval} runs on it: same value,
 * same failure message.
 * <p>
 * The text alone decides the tree: the unary tests' input variable is read from the context when the tree is evaluated,
 * never by the parser. The kept trees are bounded: the least recently used one goes when a new one would pass the size.
 */
class ParseOnceFeelEngine extends FeelEngine {

    private enum Kind { EXPRESSION, UNARY_TESTS }

    private record Key(Kind kind, String text) {
    }

    private final Map<Key, Either<Failure, ParsedExpression>> parsed;
    private final LongAdder parses = new LongAdder();

    /** The same function provider, value mapper, configuration and clock as {@code engine}. */
    ParseOnceFeelEngine(FeelEngine engine, int maximumSize) {
        super(engine.functionProvider(), engine.valueMapper(), engine.configuration(), engine.clock());
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1, was " + maximumSize);
        }
        this.parsed = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Either<Failure, ParsedExpression>> eldest) {
                return size() > maximumSize;
            }
        };
    }

    @Override
    public Either<Failure, Object> evalExpression(String expression, Context context) {
        return eval(parsed(Kind.EXPRESSION, expression), context);
    }

    /** The caller unboxes the boolean, as it does the stock engine's answer. */
    @Override
    public Either<Failure, Object> evalUnaryTests(String expression, Context context) {
        return eval(parsed(Kind.UNARY_TESTS, expression), context);
    }

    int size() {
        synchronized (parsed) {
            return parsed.size();
        }
    }

    long parses() {
        return parses.sum();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Either<Failure, Object> eval(Either<Failure, ParsedExpression> tree, Context context) {
        return tree instanceof Right<?, ?> right ? eval((ParsedExpression) right.value(), context) : (Either) tree;
    }

    private Either<Failure, ParsedExpression> parsed(Kind kind, String text) {
        Key key = new Key(kind, text);
        Either<Failure, ParsedExpression> tree;
        synchronized (parsed) {
            tree = parsed.get(key);
        }
        if (tree == null) {
            // parsed outside the lock: two threads may parse the same new text at once, to the same tree
            tree = kind == Kind.EXPRESSION ? parseExpression(text) : parseUnaryTests(text);
            parses.increment();
            synchronized (parsed) {
                parsed.put(key, tree);
            }
        }
        return tree;
    }
}
