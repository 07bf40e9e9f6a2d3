package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dmn/correction-rule.dmn, rule by rule, on the DMN engine alone. */
class CorrectionRuleDecisionTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("dmn/correction-rule.dmn"))) {
            decision = dmn.parseDecision(CorrectionRule.DECISION, in);
        }
    }

    @ParameterizedTest(name = "demandé {0} € HT, retenu {1} € HT → admis={2}")
    @CsvSource({
            "100.00, 80.00,  true",
            "100.00, 0.00,   true",
            "100.00, 100.00, true",
            "100.00, 100.01, false",
            "100.00, 250.00, false",
            "0.00,   0.00,   true",
            "0.00,   0.01,   false",
            "999999999999.99, 999999999999.98, true",
    })
    void aCorrectionMayLowerALineNeverRaiseIt(String requested, String corrected, boolean allowed) {
        DmnDecisionRuleResult result = dmn.evaluateDecisionTable(decision, Map.of(
                "requestedExclVat", new BigDecimal(requested), "correctedExclVat", new BigDecimal(corrected)))
                .getSingleResult();
        assertThat(result.<Boolean>getEntry("allowed")).isEqualTo(allowed);
        if (!allowed) {
            assertThat(result.<String>getEntry("message")).contains("jamais la porter au-delà");
        }
    }
}
