package fr.fraisdejustice.bench;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.workflow.CachingFeelEngineFactory;

/**
 * {@code memoire-routing} evaluations per second, Camunda's stock FEEL engine against ours that parses each text once
 * (issue #21, item 3): on a bare DMN engine (goal ≥ 3×), then through the application's {@code DecisionService}, which
 * also writes the decision's history (the figure the application sees; no goal). Runs only with
 * {@code mvn -Pbench test -Dnpm.skip=true -Dtest=DecisionBenchmark} (about a minute with the application's start).
 * <p>
 * Each pair is measured in the same run, after a warm-up, in alternating rounds so that the noise of a shared machine
 * falls on both.
 */
@IntegrationTest
class DecisionBenchmark {

    static final String DECISION = "memoire-routing";
    static final int WARM_UP_ROUNDS = 3;
    static final int ROUNDS = 6;
    static final long BARE_ROUND = TimeUnit.SECONDS.toNanos(1);
    static final long SERVICE_ROUND = TimeUnit.SECONDS.toNanos(1);

    /** Facts of sent mémoires that walk every rule of the three tables. */
    static final List<VariableMap> FACTS = List.of(
            facts("TRIBUNAL_JUDICIAIRE", "TJ75101", null, "CA_PARIS", 100.0, true, false),
            facts("TRIBUNAL_JUDICIAIRE", "TJ39198", null, "CA_BESANCON", 1499.99, false, false),
            facts("COUR_APPEL", "CA_LYON", null, "CA_LYON", 1500.0, false, false),
            facts("CONSEIL_PRUDHOMMES", "CPH75056", "TJ75101", "CA_PARIS", 150.0, false, true),
            facts("TRIBUNAL_JUDICIAIRE", "TJ13055", null, "CA_AIX", 12000.0, true, false),
            facts("CONSEIL_PRUDHOMMES", "CPH69123", "TJ69123", "CA_LYON", 150.01, false, false));

    @Autowired
    DecisionService decisions;

    @Autowired
    ProcessEngine processEngine;

    @Test
    void memoireRoutingOnTheBareDmnEngine() throws Exception {
        DmnEngine stock = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnEngine cached = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .feelEngineFactory(new CachingFeelEngineFactory(1000)).buildEngine();
        DmnDecision stockDecision = parse(stock);
        DmnDecision cachedDecision = parse(cached);

        double[] rates = alternate(BARE_ROUND,
                i -> stock.evaluateDecision(stockDecision, FACTS.get(i % FACTS.size())),
                i -> cached.evaluateDecision(cachedDecision, FACTS.get(i % FACTS.size())));

        print("bare DMN engine", rates);
        BenchTable.record("memoire-routing, bare DMN engine, FEEL parsed once", rates[1], "eval/s",
                "same, stock FEEL engine", rates[0], "≥ 3×", rates[1] >= 3 * rates[0]);
    }

    @Test
    void memoireRoutingThroughTheDecisionService() throws Exception {
        DefaultDmnEngineConfiguration dmn = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getDmnEngineConfiguration();
        FeelEngine ours = dmn.getFeelEngine();
        FeelEngine stock = new ScalaFeelEngineFactory(dmn.getFeelCustomFunctionProviders()).createInstance();
        // the DMN engine reads its FEEL engine at each evaluation, and offers no setter: the field is switched here only
        Field feelEngine = DefaultDmnEngineConfiguration.class.getDeclaredField("feelEngine");
        feelEngine.setAccessible(true);
        IntConsumer evaluate = i -> decisions.evaluateDecisionByKey(DECISION)
                .variables(FACTS.get(i % FACTS.size())).evaluate().getSingleResult();
        double[] rates;
        try {
            rates = alternate(SERVICE_ROUND,
                    i -> { set(feelEngine, dmn, stock); evaluate.accept(i); },
                    i -> { set(feelEngine, dmn, ours); evaluate.accept(i); });
        } finally {
            feelEngine.set(dmn, ours);
        }

        print("DecisionService (history level audit)", rates);
        BenchTable.record("memoire-routing via DecisionService (+ history), FEEL once", rates[1], "eval/s",
                "same, stock FEEL engine", rates[0], "", true);
    }

    /**
     * {@value #WARM_UP_ROUNDS} warm-up rounds of each, then {@value #ROUNDS} rounds of each, alternating; answers {stock, cached} evaluations per second.
     * Within a round only one of the two runs, so switching the engine per call costs one field write.
     */
    private static double[] alternate(long round, IntConsumer stock, IntConsumer cached) {
        for (int r = 0; r < WARM_UP_ROUNDS; r++) {
            run(stock, round);
            run(cached, round);
        }
        long[] counts = new long[2];
        long[] nanos = new long[2];
        for (int r = 0; r < ROUNDS; r++) {
            for (int which = 0; which < 2; which++) {
                long start = System.nanoTime();
                counts[which] += run(which == 0 ? stock : cached, round);
                nanos[which] += System.nanoTime() - start;
            }
        }
        return new double[] {counts[0] / (nanos[0] / 1e9), counts[1] / (nanos[1] / 1e9)};
    }

    private static long run(IntConsumer evaluation, long duration) {
        long start = System.nanoTime();
        int count = 0;
        while (System.nanoTime() - start < duration) {
            for (int i = 0; i < 20; i++) {
                evaluation.accept(count++);
            }
        }
        return count;
    }

    private static void set(Field field, Object target, Object value) {
        try {
            if (field.get(target) != value) {
                field.set(target, value);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void print(String where, double[] rates) {
        System.out.printf(Locale.ROOT, "%nmemoire-routing, %s, %d alternating rounds each:%n", where, ROUNDS);
        System.out.printf(Locale.ROOT, "  stock FEEL engine      : %10.1f eval/s%n", rates[0]);
        System.out.printf(Locale.ROOT, "  FEEL parsed once       : %10.1f eval/s (%.2fx)%n%n", rates[1], rates[1] / rates[0]);
    }

    private static DmnDecision parse(DmnEngine engine) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("dmn", DECISION + ".dmn"))) {
            return engine.parseDecision(DECISION, in);
        }
    }

    private static VariableMap facts(String type, String code, String ressort, String courAppel, double amount,
                                     boolean allTariffed, boolean late) {
        return Variables.createVariables()
                .putValue("jurisdictionType", type).putValue("jurisdictionCode", code)
                .putValue("jurisdictionRessort", ressort).putValue("jurisdictionCourAppel", courAppel)
                .putValue("amountInclVat", amount).putValue("allTariffed", allTariffed).putValue("late", late);
    }
}
