package fr.fraisdejustice.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.fraisdejustice.support.IntegrationTest;

/**
 * The engine runs at the level audit-decisions: a decision's evaluation is kept with its inputs and outputs (the analysts'
 * replay reads them), while variable updates are not (what full would add, and every step would pay for).
 */
@IntegrationTest
class DecisionsAreRememberedTest {

    @Autowired
    DecisionService decisions;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Test
    void aDecisionIsKeptWithItsInputsAndOutputs() {
        long before = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("memoire-track").count();

        decisions.evaluateDecisionByKey("memoire-track").variables(Variables.createVariables()
                .putValue("late", false).putValue("allTariffed", false).putValue("amountInclVat", 1234.5)).evaluate();

        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("memoire-track").count())
                .isEqualTo(before + 1);
        // found by its inputs, not by its time: other tests of the shared context move the engine clock
        HistoricDecisionInstance kept = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("memoire-track")
                .includeInputs().includeOutputs().list().stream()
                .filter(decision -> decision.getInputs().stream().anyMatch(input -> Double.valueOf(1234.5).equals(input.getValue())))
                .findFirst().orElseThrow();
        assertThat(kept.getInputs()).extracting(HistoricDecisionInputInstance::getValue).contains(false, 1234.5);
        assertThat(kept.getOutputs()).singleElement().satisfies(output -> assertThat(output.getValue()).isEqualTo("CERTIFICATION"));
    }

    @Test
    void theStoredLevelIsAuditAndDecisions() {
        assertThat(management.getProperties()).containsEntry("historyLevel", String.valueOf(AuditAndDecisionsHistoryLevel.ID));
        assertThat(history.createHistoricDetailQuery().variableUpdates().count()).isZero();
    }
}
