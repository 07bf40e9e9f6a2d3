package fr.fraisdejustice.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.springframework.stereotype.Service;

import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FieldProblem;

/**
 * « Essayer » : the live version of a decision evaluated with the inputs an analyst types, outside the process engine
 * (nothing is recorded as a real decision), answering the results and the rules that matched in each decision of the
 * DRD.
 */
@Service
class DecisionTrial {

    record MatchedRule(String ruleId, int index) {
    }

    record DecisionRules(String key, List<MatchedRule> matchedRules) {
    }

    record Result(List<Map<String, Object>> results, List<MatchedRule> matchedRules, List<DecisionRules> decisions) {
    }

    private final DecisionInsightModels models;
    private final DecisionInsightDmn dmn;

    DecisionTrial(DecisionInsightModels models, DecisionInsightDmn dmn) {
        this.models = models;
        this.dmn = dmn;
    }

    Result evaluate(String key, Map<String, Object> inputs) {
        DecisionInsightModels.Deployed live = models.live(key);
        Map<String, Object> variables = inputs == null ? Map.of() : inputs;
        requireInputs(live, variables);
        DecisionInsightDmn.Trial trial;
        try {
            trial = dmn.evaluateWithRules(live.decision(), variables);
        } catch (RuntimeException e) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "EVALUATION_FAILED",
                    "La décision n'a pas pu être évaluée avec ces entrées : vérifiez le type de chacune (nombre, oui ou non, texte).");
        }
        List<DecisionRules> decisions = new ArrayList<>();
        if (trial.event() != null) {
            decisions.add(rules(live, trial.event().getDecisionResult()));
            trial.event().getRequiredDecisionResults().forEach(required -> decisions.add(rules(live, required)));
        }
        List<MatchedRule> root = decisions.isEmpty() ? List.of() : decisions.get(0).matchedRules();
        return new Result(trial.result().getResultList(), root, decisions);
    }

    /** Every variable the decision and those it requires read, except what a required decision gives: all must be typed. */
    private static void requireInputs(DecisionInsightModels.Deployed live, Map<String, Object> variables) {
        Set<String> given = new LinkedHashSet<>();
        Map<String, String> needed = new LinkedHashMap<>();
        collect(live, live.decision(), needed, given, new LinkedHashSet<>());
        List<FieldProblem> missing = new ArrayList<>();
        needed.forEach((variable, label) -> {
            if (!given.contains(variable) && variables.get(variable) == null) {
                missing.add(new FieldProblem("inputs." + variable, "REQUIRED", "Saisissez « " + label + " »."));
            }
        });
        if (!missing.isEmpty()) {
            throw DomainException.invalid("VALIDATION_FAILED",
                    "Saisissez chaque entrée de la décision avant de l'essayer.", missing);
        }
    }

    private static void collect(DecisionInsightModels.Deployed live, DmnDecision decision, Map<String, String> needed,
                                Set<String> given, Set<String> seen) {
        if (!seen.add(decision.getKey())) {
            return;
        }
        DecisionInsightTable table = live.tables().get(decision.getKey());
        if (table != null) {
            table.inputs().stream().filter(input -> DecisionInsightTable.isVariableName(input.expression()))
                    .forEach(input -> needed.putIfAbsent(input.expression(),
                            input.label() == null || input.label().isBlank() ? input.expression() : input.label()));
        }
        for (DmnDecision required : decision.getRequiredDecisions()) {
            DecisionInsightTable requiredTable = live.tables().get(required.getKey());
            if (requiredTable != null) {
                given.addAll(requiredTable.outputNames());
            }
            collect(live, required, needed, given, seen);
        }
    }

    private static DecisionRules rules(DecisionInsightModels.Deployed live, DmnDecisionLogicEvaluationEvent event) {
        String key = event.getDecision().getKey();
        DecisionInsightTable table = live.tables().get(key);
        List<MatchedRule> matched = new ArrayList<>();
        if (event instanceof DmnDecisionTableEvaluationEvent evaluation && table != null) {
            for (DmnEvaluatedDecisionRule rule : evaluation.getMatchingRules()) {
                int index = table.rules().stream().filter(r -> r.id().equals(rule.getId()))
                        .mapToInt(DecisionInsightTable.RuleEntries::index).findFirst().orElse(0);
                matched.add(new MatchedRule(rule.getId(), index));
            }
        }
        return new DecisionRules(key, matched);
    }
}
