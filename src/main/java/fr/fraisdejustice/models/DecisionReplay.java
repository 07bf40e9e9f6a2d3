package fr.fraisdejustice.models;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Service;

import fr.fraisdejustice.shared.DomainException;

/**
 * What-if: a candidate table (uploaded, not deployed) re-evaluates the last real evaluations of its decision, read from
 * the decision history, and the outcomes before and after are compared on the candidate's outputs. The candidate's
 * decision is evaluated alone, by the bare DMN engine, from the recorded inputs: a decision whose outputs read
 * anything else cannot be replayed, and the report says why rather than inventing values.
 */
@Service
class DecisionReplay {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DecisionReplay.class);

    static final int DEFAULT_LIMIT = 10_000;
    static final int MAX_LIMIT = 100_000;
    static final int MAX_CHANGES = 50;
    static final String EMPTY = "(vide)";

    private final DecisionReplayHistory history;
    private final DecisionInsightModels models;
    private final DecisionInsightDmn dmn;

    DecisionReplay(DecisionReplayHistory history, DecisionInsightModels models, DecisionInsightDmn dmn) {
        this.history = history;
        this.models = models;
        this.dmn = dmn;
    }

    DecisionReplayReport replay(String key, byte[] candidateFile, int limit) {
        long start = System.nanoTime();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalidField("limit", "OUT_OF_RANGE",
                    "Le nombre de décisions à rejouer va de 1 à 100 000.");
        }
        DmnModelInstance model = DecisionInsightDmn.read(candidateFile, "file");
        DecisionInsightTable table = DecisionInsightTable.of(DecisionInsightDmn.decision(model, key, "file"));
        String reason = whyNotReplayable(table);
        if (reason != null) {
            return DecisionReplayReport.notReplayable(key, (int) Math.min(history.count(key), limit), reason, millisSince(start));
        }
        DmnDecision candidate = dmn.parseAlone(model, key);
        List<String> outputs = table.outputNames();

        Tally tally = new Tally(outputs);
        List<DecisionReplayHistory.Past> pasts = history.last(key, limit, true);
        long read = millisSince(start);
        // the evaluations are independent and the DMN engine is thread-safe: on the machine's cores, then counted in order
        List<Outcome> outcomes = pasts.parallelStream().map(past -> replayOne(table, candidate, past)).toList();
        for (int i = 0; i < pasts.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome.whyNot() != null) {
                tally.notReplayable(outcome.whyNot());
            } else {
                tally.add(pasts.get(i), outcome.variables(), pasts.get(i).results(), outcome.results());
            }
        }
        DecisionReplayReport report = tally.report(key, millisSince(start));
        LOG.info("Rejeu de {} : {} décisions lues en {} ms, rejouées en {} ms au total", key, pasts.size(), read, report.millis());
        return report;
    }

    /** One past evaluation replayed: the variables fed and the candidate's results, or why it could not be. */
    private record Outcome(Map<String, Object> variables, List<Map<String, Object>> results, String whyNot) {
    }

    private Outcome replayOne(DecisionInsightTable table, DmnDecision candidate, DecisionReplayHistory.Past past) {
        Map<String, Object> variables = variables(past);
        String missing = table.inputs().stream().map(DecisionInsightTable.Column::expression)
                .filter(name -> !variables.containsKey(name)).findFirst().orElse(null);
        if (missing != null) {
            return new Outcome(variables, null, "La table candidate lit « " + missing
                    + " », que l'historique de certaines décisions passées n'a pas enregistré.");
        }
        Object unreadable = variables.values().stream()
                .filter(DecisionReplayHistory.Unreadable.class::isInstance).findFirst().orElse(null);
        if (unreadable != null) {
            return new Outcome(variables, null, "Certaines décisions passées ont une entrée de type « "
                    + ((DecisionReplayHistory.Unreadable) unreadable).type() + " », que le rejeu ne relit pas.");
        }
        try {
            DmnDecisionResult result = dmn.evaluate(candidate, variables);
            return new Outcome(variables, result.getResultList(), null);
        } catch (RuntimeException e) {
            return new Outcome(variables, null, "La table candidate ne s'évalue pas sur certaines décisions passées (une "
                    + "entrée manque ou n'a pas le type attendu) : vérifiez ses expressions dans Camunda Modeler.");
        }
    }

    /**
     * A reason in French when the candidate cannot be evaluated from recorded inputs alone: an input that is not a plain
     * variable (its recorded value is the expression's, not a variable's), or an output entry reading a variable the
     * history does not hold (it records the inputs, not the rest of the evaluation's variables).
     */
    static String whyNotReplayable(DecisionInsightTable table) {
        if (table == null) {
            return "Cette décision n'est pas une table de décision : seules les tables peuvent être rejouées.";
        }
        List<String> readable = new ArrayList<>();
        for (DecisionInsightTable.Column input : table.inputs()) {
            if (!DecisionInsightTable.isVariableName(input.expression())) {
                return "L'entrée « " + label(input) + " » est une expression (« " + input.expression()
                        + " ») et non un simple nom de variable : l'historique n'en garde que le résultat, la table ne peut pas être rejouée.";
            }
            readable.add(input.expression());
            if (input.inputVariable() != null) {
                readable.add(input.inputVariable());
            }
        }
        for (DecisionInsightTable.RuleEntries rule : table.rules()) {
            for (String entry : rule.outputEntries()) {
                if (!DecisionInsightTable.isLiteral(entry) && !readable.contains(entry)) {
                    return "La règle " + rule.index() + " donne « " + entry + " », une valeur qui n'est pas parmi les entrées "
                            + "enregistrées de la décision : l'historique ne permet pas de la rejouer sans inventer de valeurs.";
                }
            }
        }
        return null;
    }

    /** The recorded inputs under the variables their clauses read, in the version that ran. */
    private Map<String, Object> variables(DecisionReplayHistory.Past past) {
        DecisionInsightTable ran = models.deployed(past.definitionId()).table();
        Map<String, Object> variables = new HashMap<>();
        for (DecisionInsightTable.Column input : ran.inputs()) {
            if (past.inputsByClause().containsKey(input.id()) && DecisionInsightTable.isVariableName(input.expression())) {
                variables.put(input.expression(), past.inputsByClause().get(input.id()));
            }
        }
        return variables;
    }

    private static String label(DecisionInsightTable.Column column) {
        return column.label() != null && !column.label().isBlank() ? column.label() : column.expression();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The counts, the first changes and the first reason a past evaluation could not be replayed. */
    private static final class Tally {
        private final List<String> outputs;
        private final Map<String, Map<String, Long>> before = new LinkedHashMap<>();
        private final Map<String, Map<String, Long>> after = new LinkedHashMap<>();
        private final List<DecisionReplayReport.Change> changes = new ArrayList<>();
        private int evaluated;
        private int changed;
        private int notReplayable;
        private String reason;

        Tally(List<String> outputs) {
            this.outputs = outputs;
            outputs.forEach(name -> {
                before.put(name, new TreeMap<>());
                after.put(name, new TreeMap<>());
            });
        }

        void notReplayable(String why) {
            notReplayable++;
            if (reason == null) {
                reason = why;
            }
        }

        void add(DecisionReplayHistory.Past past, Map<String, Object> inputs, List<Map<String, Object>> was,
                 List<Map<String, Object>> now) {
            evaluated++;
            Map<String, Object> beforeValues = project(was);
            Map<String, Object> afterValues = project(now);
            count(before, was);
            count(after, now);
            if (!same(beforeValues, afterValues)) {
                changed++;
                if (changes.size() < MAX_CHANGES) {
                    changes.add(new DecisionReplayReport.Change(past.evaluatedAt(), new TreeMap<>(inputs), beforeValues, afterValues));
                }
            }
        }

        /** Each output's value (or values, when several rules matched), on the candidate's outputs only. */
        private Map<String, Object> project(List<Map<String, Object>> results) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String name : outputs) {
                List<Object> all = results.stream().map(result -> result.get(name)).toList();
                values.put(name, all.isEmpty() ? null : all.size() == 1 ? all.get(0) : all);
            }
            return values;
        }

        private void count(Map<String, Map<String, Long>> counts, List<Map<String, Object>> results) {
            for (String name : outputs) {
                for (Map<String, Object> result : results) {
                    Object value = result.get(name);
                    counts.get(name).merge(value == null ? EMPTY : String.valueOf(value), 1L, Long::sum);
                }
            }
        }

        private static boolean same(Map<String, Object> a, Map<String, Object> b) {
            for (var entry : a.entrySet()) {
                if (!sameValue(entry.getValue(), b.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean sameValue(Object a, Object b) {
            if (a instanceof Number x && b instanceof Number y) {
                return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                if (x.size() != y.size()) {
                    return false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!sameValue(x.get(i), y.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return Objects.equals(a, b);
        }

        DecisionReplayReport report(String key, long millis) {
            return new DecisionReplayReport(key, evaluated, changed, evaluated - changed, notReplayable, reason, millis,
                    changes, before, after);
        }
    }
}
