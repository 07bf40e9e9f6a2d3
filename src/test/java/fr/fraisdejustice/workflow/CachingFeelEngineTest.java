package fr.fraisdejustice.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The FEEL engine that parses each text once: parsed once, bounded, least recently used out first, safe across threads. */
class CachingFeelEngineTest {

    final FeelEngine stock = new ScalaFeelEngineFactory().createInstance();

    static CachingFeelEngine engine(int maximumSize) {
        return (CachingFeelEngine) new CachingFeelEngineFactory(maximumSize).createInstance();
    }

    static VariableContext variables(Object... namesAndValues) {
        VariableMap variables = Variables.createVariables();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.putValue((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables.asVariableContext();
    }

    @Test
    void aTextIsParsedOnceForAllItsEvaluations() {
        CachingFeelEngine engine = engine(10);

        for (int i = 0; i < 100; i++) {
            assertThat((Object) engine.evaluateSimpleExpression("amount * 2", variables("amount", i))).isEqualTo(2L * i);
            assertThat(engine.evaluateSimpleUnaryTests("< 50", "amount", variables("amount", i))).isEqualTo(i < 50);
        }

        assertThat(engine.parses()).isEqualTo(2);
        assertThat(engine.cachedExpressions()).isEqualTo(2);
    }

    @Test
    void theCacheNeverHoldsMoreTextsThanItsSize() {
        CachingFeelEngine engine = engine(10);

        for (int i = 0; i < 200; i++) {
            assertThat((Object) engine.evaluateSimpleExpression("amount + " + i, variables("amount", 1))).isEqualTo(1L + i);
            assertThat(engine.evaluateSimpleUnaryTests(">= " + i, "amount", variables("amount", 100))).isEqualTo(100 >= i);
            assertThat(engine.cachedExpressions()).isLessThanOrEqualTo(10);
        }

        assertThat(engine.cachedExpressions()).isEqualTo(10);
        assertThat(engine.parses()).isEqualTo(400);
    }

    @Test
    void theLeastRecentlyUsedTextIsTheOneThatGoes() {
        CachingFeelEngine engine = engine(3);
        VariableContext none = variables();
        for (String text : List.of("1", "2", "3", "1", "4")) {  // "1" used again before "4" comes: "2" is the eldest
            engine.evaluateSimpleExpression(text, none);
        }
        long parses = engine.parses();

        engine.evaluateSimpleExpression("1", none);
        assertThat(engine.parses()).as("1 is still kept").isEqualTo(parses);
        engine.evaluateSimpleExpression("2", none);
        assertThat(engine.parses()).as("2 went first").isEqualTo(parses + 1);
    }

    @Test
    void oneUnaryTestsTextReadsTheInputVariableOfEachCall() {
        CachingFeelEngine engine = engine(10);

        assertThat(engine.evaluateSimpleUnaryTests("< 1500", "amount", variables("amount", 100.0, "total", 2000.0))).isTrue();
        assertThat(engine.evaluateSimpleUnaryTests("< 1500", "total", variables("amount", 100.0, "total", 2000.0))).isFalse();
        assertThat(engine.parses()).isEqualTo(1);
    }

    @Test
    void anExpressionAndUnaryTestsOfTheSameTextAreParsedApart() {
        CachingFeelEngine engine = engine(10);

        assertThat(engine.evaluateSimpleUnaryTests("true", "late", variables("late", false))).isFalse();
        assertThat((Object) engine.evaluateSimpleExpression("true", variables("late", false))).isEqualTo(true);
        assertThat(engine.cachedExpressions()).isEqualTo(2);
    }

    @Test
    void aTextThatDoesNotParseFailsAsWithTheStockEngineEachTime() {
        CachingFeelEngine engine = engine(10);
        Throwable expected = catchThrowable(() -> stock.evaluateSimpleUnaryTests("< < 3", "amount", variables("amount", 1)));
        assertThat(expected).isNotNull();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> engine.evaluateSimpleUnaryTests("< < 3", "amount", variables("amount", 1)))
                    .isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
        }
        assertThat(engine.parses()).isEqualTo(1);
    }

    @Test
    void anEvaluationFailureIsTheStockEnginesFailure() {
        CachingFeelEngine engine = engine(10);
        // an external (Java) function: refused by the engine's validation, at each evaluation
        String text = "function(x) external { java: { class: \"java.lang.Math\", method signature: \"abs(int)\" } }";
        Throwable expected = catchThrowable(() -> stock.evaluateSimpleExpression(text, variables()));
        assertThat(expected).isNotNull();

        assertThatThrownBy(() -> engine.evaluateSimpleExpression(text, variables()))
                .isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
    }

    @Test
    void aSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> new CachingFeelEngineFactory(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void evaluationsFromSeveralThreadsAnswerAsOneThreadDoes() throws Exception {
        DmnEngine stockDmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DefaultDmnEngineConfiguration configuration = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration()).feelEngineFactory(new CachingFeelEngineFactory(4));
        DmnEngine cachedDmn = configuration.buildEngine();
        DmnDecision stockDecision = parse(stockDmn);
        DmnDecision cachedDecision = parse(cachedDmn);
        List<VariableMap> cases = CachingFeelEngineEquivalenceTest.cases(
                CachingFeelEngineEquivalenceTest.candidates(Path.of("dmn/memoire-routing.dmn")), 4);
        List<String> expected = cases.stream().map(facts -> answer(stockDmn, stockDecision, facts)).toList();

        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> answers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int offset = t * 7;  // each thread walks the cases from elsewhere, so the threads ask different texts
                Callable<List<String>> walk = () -> {
                    start.await();
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < cases.size(); i++) {
                        int at = (i + offset) % cases.size();
                        mine.add(at + " " + answer(cachedDmn, cachedDecision, cases.get(at)));
                    }
                    return mine;
                };
                answers.add(pool.submit(walk));
            }
            start.countDown();
            for (Future<List<String>> answer : answers) {
                for (String line : answer.get(2, TimeUnit.MINUTES)) {
                    int at = Integer.parseInt(line.substring(0, line.indexOf(' ')));
                    assertThat(line.substring(line.indexOf(' ') + 1)).as("case %s", cases.get(at)).isEqualTo(expected.get(at));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(((CachingFeelEngine) configuration.getFeelEngine()).cachedExpressions()).isLessThanOrEqualTo(4);
    }

    private static String answer(DmnEngine dmn, DmnDecision decision, VariableMap facts) {
        try {
            return dmn.evaluateDecision(decision, facts).getResultList().toString();
        } catch (RuntimeException failure) {
            return "failure " + failure.getMessage();
        }
    }

    private static DmnDecision parse(DmnEngine dmn) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("dmn/memoire-routing.dmn"))) {
            return dmn.parseDecision("memoire-routing", in);
        }
    }
}
