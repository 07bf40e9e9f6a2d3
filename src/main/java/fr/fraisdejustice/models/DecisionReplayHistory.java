package fr.fraisdejustice.models;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.springframework.stereotype.Component;

/**
 * The past evaluations of a decision, newest first, as the replay and the rule hit counts read them from the decision
 * history: each input under the variable its clause's expression reads, each output under its name.
 */
@Component
class DecisionReplayHistory {

    /**
     * One past evaluation. Inputs by clause id (mapped to variables by the version that ran), outputs as results (one map
     * per matched rule), and the ids of the rules that matched.
     */
    record Past(Instant evaluatedAt, String definitionId, Map<String, Object> inputsByClause,
                List<Map<String, Object>> results, List<String> matchedRuleIds) {
    }

    private final HistoryService history;

    DecisionReplayHistory(HistoryService history) {
        this.history = history;
    }

    long count(String key) {
        return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key).count();
    }

    /** The last evaluations of the decision, newest first; inputs only when asked (rule hits need none). */
    List<Past> last(String key, int limit, boolean withInputs) {
        var query = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key).includeOutputs();
        if (withInputs) {
            query.includeInputs();
        }
        List<HistoricDecisionInstance> instances = query.orderByEvaluationTime().desc().listPage(0, limit);
        List<Past> pasts = new ArrayList<>(instances.size());
        for (HistoricDecisionInstance instance : instances) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            if (withInputs) {
                for (HistoricDecisionInputInstance input : instance.getInputs()) {
                    inputs.put(input.getClauseId(), input.getValue());
                }
            }
            // outputs of one matched rule share its rule id (and order): one result per rule, in the rules' order
            Map<String, Map<String, Object>> byRule = new LinkedHashMap<>();
            instance.getOutputs().stream()
                    .sorted(java.util.Comparator.comparing(o -> o.getRuleOrder() == null ? 0 : o.getRuleOrder()))
                    .forEach(output -> byRule.computeIfAbsent(ruleOf(output), r -> new LinkedHashMap<>())
                            .put(output.getVariableName(), output.getValue()));
            pasts.add(new Past(instance.getEvaluationTime().toInstant(), instance.getDecisionDefinitionId(), inputs,
                    List.copyOf(byRule.values()), List.copyOf(byRule.keySet())));
        }
        return pasts;
    }

    private static String ruleOf(HistoricDecisionOutputInstance output) {
        return output.getRuleId() != null ? output.getRuleId() : String.valueOf(output.getRuleOrder());
    }
}
