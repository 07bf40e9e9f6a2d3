package fr.fraisdejustice.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLiteralExpressionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every decision of {@code dmn/*.dmn} answers the same through the FEEL engine that parses each text once as through
 * Camunda's stock one: same outputs, same matched rules of every table of the requirements graph, same evaluated
 * inputs, or the same failure. The inputs are generated from the tables themselves: the values the rules compare with
 * and either side of each bound, nulls, and random values (fixed seed). A second cached engine keeps only three parsed
 * texts, so evictions happen at almost every evaluation and must change nothing either.
 * <p>
 * The decision test classes ({@code *DecisionTest}) try values of these kinds: the bounds and either side, the codes
 * the rules name, true and false.
 */
class CachingFeelEngineEquivalenceTest {

    static final int CASES_PER_DECISION = 160;
    static final int RANDOM_CASES_PER_DECISION = 40;
    /** The evicting engine parses almost every time, as slowly as the stock one: it answers one case in four. */
    static final int EVICTING_EVERY = 4;
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_\"])-?\\d+(?:\\.\\d+)?");
    static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not");

    /** An engine and the last evaluation event it reported. */
    static final class Engine {
        final DmnEngine dmn;
        DmnDecisionEvaluationEvent last;

        Engine(FeelEngineFactory feel) {
            DefaultDmnEngineConfiguration configuration =
                    (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            if (feel != null) {
                configuration.feelEngineFactory(feel);
            }
            configuration.customPostDecisionEvaluationListeners(List.of(event -> last = event));
            dmn = configuration.buildEngine();
        }

        /** What the evaluation answered, every table's matched rules and evaluated inputs, or its failure. */
        String answer(DmnDecision decision, VariableMap variables) {
            last = null;
            try {
                String result = dmn.evaluateDecision(decision, variables).getResultList().toString();
                List<DmnDecisionLogicEvaluationEvent> tables = new ArrayList<>(last.getRequiredDecisionResults());
                tables.add(last.getDecisionResult());
                return result + tables.stream().map(Engine::describe).collect(Collectors.joining("", " ", ""));
            } catch (RuntimeException failure) {
                return "failure " + failure.getClass().getName() + ": " + failure.getMessage();
            }
        }

        private static String describe(DmnDecisionLogicEvaluationEvent event) {
            StringBuilder out = new StringBuilder(event.getDecision().getKey()).append('{');
            if (event instanceof DmnDecisionTableEvaluationEvent table) {
                for (DmnEvaluatedInput input : table.getInputs()) {
                    out.append(input.getId()).append('=').append(typed(input.getValue())).append(' ');
                }
                for (DmnEvaluatedDecisionRule rule : table.getMatchingRules()) {
                    out.append("rule ").append(rule.getId()).append(rule.getOutputEntries().values().stream()
                            .map(output -> output.getOutputName() + "=" + typed(output.getValue()))
                            .toList()).append(' ');
                }
                out.append(table.getCollectResultName()).append('=').append(typed(table.getCollectResultValue()));
            } else if (event instanceof DmnDecisionLiteralExpressionEvaluationEvent literal) {
                out.append(literal.getOutputName()).append('=').append(typed(literal.getOutputValue()));
            }
            return out.append('}').toString();
        }

        private static String typed(TypedValue value) {
            return value == null ? "none" : value.getType() + ":" + value.getValue();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDecisionAnswersAsWithTheStockFeelEngine() throws IOException {
        Engine stock = new Engine(null);
        Engine cached = new Engine(new CachingFeelEngineFactory(1000));
        Engine evicting = new Engine(new CachingFeelEngineFactory(3));
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("dmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
                Map<String, List<Object>> candidates = candidates(file);
                for (String key : decisionKeys(file)) {
                    tests.add(DynamicTest.dynamicTest(file.getFileName() + " › " + key, () -> {
                        DmnDecision inStock = parse(stock, file, key);
                        DmnDecision inCached = parse(cached, file, key);
                        DmnDecision inEvicting = parse(evicting, file, key);
                        List<VariableMap> cases = cases(candidates, key.hashCode());
                        Set<String> distinctAnswers = new LinkedHashSet<>();
                        for (int i = 0; i < cases.size(); i++) {
                            VariableMap variables = cases.get(i);
                            String expected = stock.answer(inStock, variables);
                            assertThat(cached.answer(inCached, variables)).as(() -> key + " with " + variables)
                                    .isEqualTo(expected);
                            if (i % EVICTING_EVERY == 0) {
                                assertThat(evicting.answer(inEvicting, variables))
                                        .as(() -> key + " with " + variables + " (evicting)").isEqualTo(expected);
                            }
                            distinctAnswers.add(expected);
                        }
                        // the generated inputs do walk the table: several rules answer, not one answer for all
                        assertThat(distinctAnswers).as("distinct answers of %s", key).hasSizeGreaterThan(1);
                    }));
                }
            }
        }
        assertThat(tests).as("decisions found in dmn/").hasSizeGreaterThanOrEqualTo(5);
        return tests.stream();
    }

    /**
     * For each variable the file reads (input expressions and output entries naming a variable), the values worth
     * trying: those its rules compare with, either side of each numeric bound, null, and a value no rule names.
     */
    static Map<String, List<Object>> candidates(Path file) throws IOException {
        DmnModelInstance model;
        try (InputStream in = Files.newInputStream(file)) {
            model = Dmn.readModelFromStream(in);
        }
        Map<String, Set<Object>> values = new TreeMap<>();
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            List<Input> inputs = new ArrayList<>(table.getInputs());
            for (int column = 0; column < inputs.size(); column++) {
                String variable = inputs.get(column).getInputExpression().getText().getTextContent().trim();
                String typeRef = inputs.get(column).getInputExpression().getTypeRef();
                if (!IDENTIFIER.matcher(variable).matches()) {
                    continue;
                }
                Set<Object> set = values.computeIfAbsent(variable, v -> new LinkedHashSet<>());
                set.add(null);
                for (Rule rule : table.getRules()) {
                    String entry = new ArrayList<>(rule.getInputEntries()).get(column).getText().getTextContent();
                    set.addAll(literals(entry, typeRef));
                }
                set.addAll(outsiders(typeRef));
            }
            for (Rule rule : table.getRules()) {
                for (OutputEntry output : rule.getOutputEntries()) {
                    String text = output.getText().getTextContent().trim();
                    if (IDENTIFIER.matcher(text).matches() && !KEYWORDS.contains(text)) {
                        Set<Object> set = values.computeIfAbsent(text, v -> new LinkedHashSet<>());
                        set.add(null);
                        set.add("X_" + text.toUpperCase());
                    }
                }
            }
        }
        Map<String, List<Object>> candidates = new TreeMap<>();
        values.forEach((variable, set) -> candidates.put(variable, new ArrayList<>(set)));
        return candidates;
    }

    private static List<Object> literals(String entry, String typeRef) {
        List<Object> literals = new ArrayList<>();
        if (entry == null || entry.isBlank()) {
            return literals;
        }
        switch (typeRef == null ? "string" : typeRef) {
            case "boolean" -> {
                literals.add(true);
                literals.add(false);
            }
            case "double", "integer", "long" -> {
                Matcher number = NUMBER.matcher(entry);
                while (number.find()) {
                    double bound = Double.parseDouble(number.group());
                    for (double delta : typeRef.equals("double") ? new double[] {-0.01, 0, 0.01} : new double[] {-1, 0, 1}) {
                        literals.add(numberOf(typeRef, bound + delta));
                    }
                }
            }
            default -> {
                Matcher quoted = QUOTED.matcher(entry);
                while (quoted.find()) {
                    literals.add(quoted.group(1));
                }
            }
        }
        return literals;
    }

    /** Values of the type that no rule names: they reach the default rules, or none. */
    private static List<Object> outsiders(String typeRef) {
        return switch (typeRef == null ? "string" : typeRef) {
            case "boolean" -> List.of(true, false);
            case "double", "integer", "long" -> List.of(numberOf(typeRef, 0), numberOf(typeRef, -1),
                    numberOf(typeRef, 1_000_000));
            default -> List.of("AUTRE", "");
        };
    }

    private static Object numberOf(String typeRef, double value) {
        return switch (typeRef) {
            case "integer" -> (int) Math.round(value);
            case "long" -> Math.round(value);
            default -> Math.round(value * 100) / 100.0;
        };
    }

    /** Combinations of candidates drawn at random (fixed seed), then cases with random numbers and strings. */
    static List<VariableMap> cases(Map<String, List<Object>> candidates, long seed) {
        Random random = new Random(seed);
        List<VariableMap> cases = new ArrayList<>();
        for (int i = 0; i < CASES_PER_DECISION; i++) {
            VariableMap variables = Variables.createVariables();
            candidates.forEach((name, values) -> variables.putValue(name, values.get(random.nextInt(values.size()))));
            cases.add(variables);
        }
        for (int i = 0; i < RANDOM_CASES_PER_DECISION; i++) {
            VariableMap variables = Variables.createVariables();
            candidates.forEach((name, values) -> {
                Object sample = values.get(random.nextInt(values.size()));
                Object value = sample instanceof Double ? Math.round((random.nextDouble() * 4000 - 500) * 100) / 100.0
                        : sample instanceof Integer ? random.nextInt(4000) - 500
                        : sample instanceof Long ? (long) random.nextInt(4000) - 500
                        : sample instanceof String && random.nextInt(4) == 0 ? "R" + random.nextInt(1000)
                        : sample;
                variables.putValue(name, value);
            });
            cases.add(variables);
        }
        return cases;
    }

    private static List<String> decisionKeys(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<DmnDecision> decisions = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                    .buildEngine().parseDecisions(in);
            return decisions.stream().map(DmnDecision::getKey).toList();
        }
    }

    private static DmnDecision parse(Engine engine, Path file, String key) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return engine.dmn.parseDecision(key, in);
        }
    }
}
