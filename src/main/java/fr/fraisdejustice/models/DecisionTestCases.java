package fr.fraisdejustice.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The decision test cases as data: {@code dmn/tests/<decision-id>.csv}, run against a set of tables (the repository's,
 * or the candidate ones of a live deployment). The format (README, « Cas de test des décisions »):
 * <ul>
 *   <li>UTF-8, separator {@code ;}, lines starting with {@code #} are comments; the first other line is the header;</li>
 *   <li>column {@code cas}: the case's label; an input column is named by the variable the tables read
 *   ({@code amountInclVat}); an expected output column is the output name after an arrow ({@code → track});</li>
 *   <li>an empty input cell or {@code null} is a null variable; an empty expected cell is not checked, {@code null}
 *   expects a null value; when the decision answers several rows (COLLECT), the expected cell lists every row's value
 *   in order, separated by {@code |}, and {@code []} expects no row at all.</li>
 * </ul>
 * Besides the cases themselves, each file must hit every rule of its table at least once (rule coverage) and name only
 * inputs and outputs the table knows.
 */
public final class DecisionTestCases {

    /** The folder of the test cases, beside the tables. */
    public static final String FOLDER = "dmn/tests/";

    static final String LABEL = "cas";
    static final String OUTPUT_MARK = "→";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Set<String> FEEL_WORDS = Set.of("true", "false", "null", "not", "and", "or", "if", "then", "else",
            "for", "in", "return", "some", "every", "satisfies", "instance", "of", "between", "function", "date", "time",
            "duration", "number", "string", "count", "min", "max", "sum", "contains", "matches");

    /** One case of a file, with its line for the reader. */
    public record Case(String file, int line, String label, Map<String, String> inputs, Map<String, String> expected) {
    }

    /** A case and what it found: {@code failure} is null when it passed. */
    public record CaseResult(Case testCase, String failure) {
        public boolean passed() {
            return failure == null;
        }
    }

    /** Something wrong with a file as a whole (unreadable, unknown column, uncovered rule), in French. */
    public record Problem(String resource, String detail) {
    }

    /** Every case run, and every problem (failed cases included), for all the files of a run. */
    public record Report(List<CaseResult> cases, List<Problem> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private final DmnEngine engine;
    private final ThreadLocal<List<DmnDecisionTableEvaluationEvent>> evaluations = ThreadLocal.withInitial(ArrayList::new);

    public DecisionTestCases() {
        DmnDecisionTableEvaluationListener recorder = event -> evaluations.get().add(event);
        this.engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recorder))
                .buildEngine();
    }

    /** The decision id a test case file is for: {@code dmn/tests/memoire-track.csv} → {@code memoire-track}. */
    public static String decisionIdOf(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    /**
     * Runs every test case file against the tables.
     *
     * @param tables    DMN file name to content: every table the cases may name
     * @param testCases test case file name ({@code dmn/tests/x.csv}) to content
     */
    public Report run(Map<String, byte[]> tables, Map<String, byte[]> testCases) {
        List<CaseResult> results = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, TableFile> decisions = new HashMap<>();
        tables.forEach((name, content) -> {
            try {
                TableFile table = TableFile.read(name, content, engine);
                table.decisionIds().forEach(id -> decisions.put(id, table));
            } catch (RuntimeException e) {
                problems.add(new Problem(name, "la table ne se lit pas (" + e.getMessage() + ")"));
            }
        });
        testCases.forEach((file, content) -> runFile(file, content, decisions, results, problems));
        return new Report(results, problems);
    }

    /** The decision ids of the tables that have no test case file among {@code testCaseFiles}. */
    public static List<String> decisionsWithoutCases(Map<String, byte[]> tables, Collection<String> testCaseFiles) {
        Set<String> covered = new HashSet<>();
        testCaseFiles.forEach(file -> covered.add(decisionIdOf(file)));
        List<String> missing = new ArrayList<>();
        tables.forEach((name, content) -> {
            DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                if (!covered.contains(decision.getId())) {
                    missing.add(decision.getId());
                }
            }
        });
        return missing;
    }

    /** The decision ids that a DMN file holds. */
    public static List<String> decisionIds(byte[] dmn) {
        return Dmn.readModelFromStream(new ByteArrayInputStream(dmn)).getModelElementsByType(Decision.class).stream()
                .map(Decision::getId).toList();
    }

    private void runFile(String file, byte[] content, Map<String, TableFile> decisions, List<CaseResult> results,
                         List<Problem> problems) {
        String decisionId = decisionIdOf(file);
        TableFile table = decisions.get(decisionId);
        if (table == null) {
            problems.add(new Problem(file, "aucune table ne contient la décision « " + decisionId
                    + " » que ce fichier de cas de test nomme"));
            return;
        }
        List<Case> cases;
        try {
            cases = parse(file, content);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(file, e.getMessage()));
            return;
        }
        DecisionShape shape = table.shape(decisionId);
        boolean columnsKnown = checkColumns(file, cases, shape, problems);
        if (!columnsKnown) {
            return;
        }
        Set<String> hitRules = new HashSet<>();
        for (Case testCase : cases) {
            String failure = evaluate(table.decision(decisionId), shape, testCase, hitRules);
            results.add(new CaseResult(testCase, failure));
            if (failure != null) {
                problems.add(new Problem(file, "cas « " + testCase.label() + " » (ligne " + testCase.line() + ") : " + failure));
            }
        }
        for (int i = 0; i < shape.ruleIds().size(); i++) {
            String ruleId = shape.ruleIds().get(i);
            if (!hitRules.contains(ruleId)) {
                problems.add(new Problem(file, "la règle n° " + (i + 1) + " (" + ruleId + ") de la décision « " + decisionId
                        + " » n'est couverte par aucun cas de test"));
            }
        }
    }

    private static boolean checkColumns(String file, List<Case> cases, DecisionShape shape, List<Problem> problems) {
        if (cases.isEmpty()) {
            problems.add(new Problem(file, "le fichier ne contient aucun cas de test"));
            return false;
        }
        boolean known = true;
        for (String input : cases.get(0).inputs().keySet()) {
            if (!shape.inputs().contains(input)) {
                problems.add(new Problem(file, "la colonne « " + input + " » ne nomme aucune entrée de la décision (entrées : "
                        + String.join(", ", shape.inputs()) + ")"));
                known = false;
            }
        }
        for (String output : cases.get(0).expected().keySet()) {
            if (!shape.outputs().contains(output)) {
                problems.add(new Problem(file, "la colonne « " + OUTPUT_MARK + " " + output
                        + " » ne nomme aucune sortie de la décision (sorties : " + String.join(", ", shape.outputs()) + ")"));
                known = false;
            }
        }
        return known;
    }

    private String evaluate(DmnDecision decision, DecisionShape shape, Case testCase, Set<String> hitRules) {
        Map<String, Object> variables = new HashMap<>();
        for (Map.Entry<String, String> input : testCase.inputs().entrySet()) {
            try {
                variables.put(input.getKey(), typed(input.getValue(), shape.inputTypes().get(input.getKey())));
            } catch (NumberFormatException e) {
                return "la valeur « " + input.getValue() + " » de « " + input.getKey() + " » n'est pas un nombre";
            }
        }
        evaluations.get().clear();
        DmnDecisionResult result;
        try {
            result = engine.evaluateDecision(decision, variables);
        } catch (RuntimeException e) {
            return "l'évaluation échoue (" + e.getMessage() + ")";
        } finally {
            for (DmnDecisionTableEvaluationEvent event : evaluations.get()) {
                if (event.getDecisionTable().getKey().equals(decision.getKey())) {
                    event.getMatchingRules().forEach(rule -> hitRules.add(rule.getId()));
                }
            }
            evaluations.get().clear();
        }
        List<String> differences = new ArrayList<>();
        testCase.expected().forEach((output, expected) -> {
            if (expected == null) {
                return;
            }
            String actual = actual(result, output);
            if (!matches(expected, actual)) {
                differences.add(output + " attendu « " + expected + " », obtenu « " + actual + " »");
            }
        });
        return differences.isEmpty() ? null : String.join(" ; ", differences);
    }

    private static String actual(DmnDecisionResult result, String output) {
        if (result.isEmpty()) {
            return "[]";
        }
        List<String> values = new ArrayList<>();
        for (DmnDecisionResultEntries row : result) {
            Object value = row.getEntryMap().get(output);
            values.add(value == null ? "null" : value.toString());
        }
        return String.join("|", values);
    }

    private static boolean matches(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        String[] wanted = expected.split("\\|", -1);
        String[] got = actual.split("\\|", -1);
        if (wanted.length != got.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (!sameValue(wanted[i].strip(), got[i].strip())) {
                return false;
            }
        }
        return true;
    }

    /** Numbers compare by value ({@code 25} is {@code 25.0}); anything else as text. */
    private static boolean sameValue(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        try {
            return new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Object typed(String value, String typeRef) {
        if (value == null || value.equals("null")) {
            return null;
        }
        if (typeRef == null) {
            // a variable that no input expression names alone (e.g. read in a computed input): typed by its look
            if (value.equals("true") || value.equals("false")) {
                return Boolean.valueOf(value);
            }
            return value.matches("-?\\d+(\\.\\d+)?") ? (Object) Double.valueOf(value) : value;
        }
        return switch (typeRef.toLowerCase()) {
            case "boolean" -> Boolean.parseBoolean(value);
            case "integer" -> Integer.valueOf(value);
            case "long" -> Long.valueOf(value);
            case "double" -> Double.valueOf(value);
            default -> value;
        };
    }

    /** Reads a test case file; refuses, in French, a file that is not UTF-8 or has no {@code cas} column. */
    public static List<Case> parse(String file, byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("le fichier n'est pas en UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Case> cases = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setTrim(true).get();
        List<String> header = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            CSVRecord record;
            try (CSVParser parser = CSVParser.parse(line, format)) {
                record = parser.getRecords().get(0);
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new IllegalArgumentException("la ligne " + (i + 1) + " ne se lit pas comme du CSV séparé par « ; » ("
                        + e.getMessage() + ")");
            }
            if (header == null) {
                header = record.toList();
                if (!header.contains(LABEL)) {
                    throw new IllegalArgumentException("l'en-tête n'a pas de colonne « " + LABEL + " » (le libellé du cas)");
                }
                continue;
            }
            if (record.size() != header.size()) {
                throw new IllegalArgumentException("la ligne " + (i + 1) + " a " + record.size() + " colonnes au lieu de "
                        + header.size());
            }
            cases.add(toCase(file, i + 1, header, record));
        }
        return cases;
    }

    private static Case toCase(String file, int line, List<String> header, CSVRecord record) {
        String label = null;
        Map<String, String> inputs = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String value = record.get(i);
            if (column.equals(LABEL)) {
                label = value;
            } else if (column.startsWith(OUTPUT_MARK)) {
                // an empty expected cell is not checked, but its column is still one the decision must know
                expected.put(column.substring(OUTPUT_MARK.length()).strip(), value.isEmpty() ? null : value);
            } else {
                inputs.put(column, value.isEmpty() ? null : value);
            }
        }
        if (label == null || label.isBlank()) {
            label = "ligne " + line;
        }
        return new Case(file, line, label, inputs, expected);
    }

    /** The inputs, outputs and rules of one decision, as a test case file may name them. */
    record DecisionShape(Set<String> inputs, Map<String, String> inputTypes, Set<String> outputs, List<String> ruleIds) {
    }

    /** One parsed DMN file: its decisions for the engine and their shapes. */
    private record TableFile(Map<String, DmnDecision> decisions, Map<String, DecisionShape> shapes) {

        static TableFile read(String name, byte[] content, DmnEngine engine) {
            DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
            Map<String, DmnDecision> decisions = new LinkedHashMap<>();
            for (DmnDecision decision : engine.parseDecisions(model)) {
                decisions.put(decision.getKey(), decision);
            }
            Map<String, DecisionShape> shapes = new HashMap<>();
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                shapes.put(decision.getId(), shapeOf(decision, model));
            }
            return new TableFile(decisions, shapes);
        }

        Set<String> decisionIds() {
            return decisions.keySet();
        }

        DmnDecision decision(String id) {
            return decisions.get(id);
        }

        DecisionShape shape(String id) {
            return shapes.get(id);
        }

        /** What a case may set: the variables read by this decision and by every decision it requires, transitively. */
        private static DecisionShape shapeOf(Decision root, DmnModelInstance model) {
            Set<String> inputs = new LinkedHashSet<>();
            Map<String, String> types = new HashMap<>();
            Set<String> producedByRequired = new HashSet<>();
            List<Decision> pending = new ArrayList<>(List.of(root));
            Set<String> seen = new HashSet<>();
            while (!pending.isEmpty()) {
                Decision decision = pending.remove(0);
                if (!seen.add(decision.getId())) {
                    continue;
                }
                DecisionTable table = decision.getUniqueChildElementByType(DecisionTable.class) instanceof DecisionTable t ? t : null;
                if (table != null) {
                    for (Input input : table.getInputs()) {
                        String expression = input.getInputExpression().getText() == null ? ""
                                : input.getInputExpression().getText().getTextContent();
                        for (String identifier : identifiers(expression)) {
                            inputs.add(identifier);
                            if (expression.strip().equals(identifier)) {
                                types.put(identifier, input.getInputExpression().getTypeRef());
                            }
                        }
                    }
                    // an entry may read the input under its inputVariable name: that name is no variable to set
                    Set<String> inputVariables = new HashSet<>();
                    table.getInputs().forEach(input -> {
                        if (input.getCamundaInputVariable() != null) {
                            inputVariables.add(input.getCamundaInputVariable());
                        }
                    });
                    for (Rule rule : table.getRules()) {
                        Set<String> read = new LinkedHashSet<>();
                        rule.getOutputEntries().forEach(entry -> read.addAll(identifiers(entry.getTextContent())));
                        rule.getInputEntries().forEach(entry -> read.addAll(identifiers(entry.getTextContent())));
                        read.removeAll(inputVariables);
                        inputs.addAll(read);
                    }
                    if (decision != root) {
                        table.getOutputs().forEach(output -> producedByRequired.add(output.getName()));
                    }
                }
                decision.getInformationRequirements().forEach(requirement -> {
                    Decision required = requirement.getRequiredDecision();
                    if (required != null) {
                        pending.add(required);
                    }
                });
            }
            inputs.removeAll(producedByRequired);
            DecisionTable rootTable = root.getUniqueChildElementByType(DecisionTable.class) instanceof DecisionTable t ? t : null;
            Set<String> outputs = new LinkedHashSet<>();
            List<String> rules = new ArrayList<>();
            if (rootTable != null) {
                rootTable.getOutputs().forEach(output -> outputs.add(output.getName()));
                rootTable.getRules().forEach(rule -> rules.add(rule.getId()));
            }
            return new DecisionShape(inputs, types, outputs, rules);
        }

        /** The names a FEEL or JUEL expression reads, string literals and FEEL words left out. */
        private static Set<String> identifiers(String expression) {
            Set<String> names = new LinkedHashSet<>();
            if (expression == null) {
                return names;
            }
            Matcher matcher = IDENTIFIER.matcher(STRING_LITERAL.matcher(expression).replaceAll(" "));
            while (matcher.find()) {
                String name = matcher.group();
                if (!FEEL_WORDS.contains(name)) {
                    names.add(name);
                }
            }
            return names;
        }
    }
}
