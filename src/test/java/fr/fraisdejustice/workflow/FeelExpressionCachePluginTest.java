package fr.fraisdejustice.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.fraisdejustice.support.IntegrationTest;

/** The application's decisions go through the FEEL engine that parses each text once. */
@IntegrationTest
class FeelExpressionCachePluginTest {

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    DecisionService decisions;

    @Test
    void theDecisionServiceEvaluatesWithTheCachingFeelEngine() {
        CachingFeelEngine feel = (CachingFeelEngine) ((ProcessEngineConfigurationImpl) processEngine
                .getProcessEngineConfiguration()).getDmnEngineConfiguration().getFeelEngine();

        DmnDecisionResultEntries route = decisions.evaluateDecisionByKey("memoire-routing").variables(Variables
                        .createVariables()
                        .putValue("jurisdictionType", "CONSEIL_PRUDHOMMES").putValue("jurisdictionCode", "CPH75056")
                        .putValue("jurisdictionRessort", "TJ75101").putValue("jurisdictionCourAppel", "CA_PARIS")
                        .putValue("amountInclVat", 1500.0).putValue("allTariffed", false).putValue("late", false))
                .evaluate().getSingleResult();

        assertThat(route.getEntryMap()).containsEntry("certifyingOffice", "TJ75101").containsEntry("courAppel", "CA_PARIS")
                .containsEntry("track", "TAXATION").containsEntry("controlLevel", "THOROUGH");
        assertThat(feel.cachedExpressions()).isPositive().isLessThanOrEqualTo(FeelExpressionCachePlugin.MAXIMUM_SIZE);
    }
}
