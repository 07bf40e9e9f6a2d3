package fr.fraisdejustice.models;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import fr.fraisdejustice.shared.DomainException;

/**
 * How often each rule of a live table fired over the last evaluations of its decision (decision history): a rule that
 * never fires is dead, or waits for a case that has not come yet. Rules are those of the live version, matched by id.
 */
@Service
class RuleHits {

    record Hits(int evaluations, List<RuleHit> rules) {
    }

    record RuleHit(String ruleId, int index, long hits) {
    }

    private final DecisionReplayHistory history;
    private final DecisionInsightModels models;

    RuleHits(DecisionReplayHistory history, DecisionInsightModels models) {
        this.history = history;
        this.models = models;
    }

    Hits last(String key, int last) {
        if (last < 1 || last > DecisionReplay.MAX_LIMIT) {
            throw DomainException.invalidField("last", "OUT_OF_RANGE",
                    "Le nombre de décisions à compter va de 1 à 100 000.");
        }
        DecisionInsightTable table = models.live(key).table();
        if (table == null) {
            return new Hits(0, List.of());
        }
        List<DecisionReplayHistory.Past> pasts = history.last(key, last, false);
        Map<String, Long> counts = new HashMap<>();
        pasts.forEach(past -> past.matchedRuleIds().forEach(rule -> counts.merge(rule, 1L, Long::sum)));
        return new Hits(pasts.size(), table.rules().stream()
                .map(rule -> new RuleHit(rule.id(), rule.index(), counts.getOrDefault(rule.id(), 0L)))
                .toList());
    }
}
