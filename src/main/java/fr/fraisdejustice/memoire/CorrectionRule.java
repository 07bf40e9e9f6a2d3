package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import fr.fraisdejustice.shared.DomainException;

/**
 * dmn/correction-rule: whether a clerk's redressement of a line is admitted (analysts may change the rule). Java only
 * asks and refuses with the table's message.
 */
@Component
class CorrectionRule {

    static final String DECISION = "correction-rule";

    private final DecisionService decisions;

    CorrectionRule(DecisionService decisions) {
        this.decisions = decisions;
    }

    void require(int position, BigDecimal requestedExclVat, BigDecimal correctedExclVat) {
        DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(DECISION, Map.of(
                "requestedExclVat", requestedExclVat, "correctedExclVat", correctedExclVat)).getSingleResult();
        if (result == null || !Boolean.TRUE.equals(result.get("allowed"))) {
            Object message = result == null ? null : result.get("message");
            throw new DomainException(DomainException.Kind.INVALID, "CORRECTION_REFUSED", "Ligne " + position + " : "
                    + (message == null || message.toString().isBlank()
                            ? "ce redressement n'est pas admis." : message.toString()));
        }
    }
}
