package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** dmn/tariffs.dmn, rule by rule, with DOMAIN.md's figures. */
class TariffsDecisionTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("dmn/tariffs.dmn"))) {
            decision = dmn.parseDecision("tariffs", in);
        }
    }

    static DmnDecisionRuleResult evaluate(String type, boolean option, boolean night, boolean weekend, boolean first) {
        return dmn.evaluateDecisionTable(decision, Map.of("serviceType", type, "withOption", option, "night", night,
                "weekend", weekend, "firstHour", first)).getSingleResult();
    }

    @ParameterizedTest(name = "{0} option={1} nuit={2} week-end={3} 1re heure={4} → {5} €")
    @CsvSource({
            "TRADUCTION_ECRITE,       false, false, false, true,  25.00",
            "TRADUCTION_ECRITE,       true,  true,  true,  false, 38.50",
            "INTERPRETARIAT_ORAL,     false, false, false, true,  42.00",
            "INTERPRETARIAT_ORAL,     false, false, false, false, 30.00",
            "INTERPRETARIAT_ORAL,     false, true,  false, true,  49.50",
            "INTERPRETARIAT_ORAL,     false, true,  false, false, 37.50",
            "INTERPRETARIAT_ORAL,     false, false, true,  true,  49.50",
            "INTERPRETARIAT_ORAL,     false, false, true,  false, 37.50",
            "INTERPRETARIAT_ORAL,     false, true,  true,  true,  57.00",
            "INTERPRETARIAT_ORAL,     false, true,  true,  false, 45.00",
            "INTERPRETARIAT_ORAL,     true,  false, false, true,  65.00",
            "INTERPRETARIAT_ORAL,     true,  false, false, false, 46.50",
            "INTERPRETARIAT_ORAL,     true,  true,  false, true,  76.80",
            "INTERPRETARIAT_ORAL,     true,  true,  false, false, 58.00",
            "INTERPRETARIAT_ORAL,     true,  false, true,  true,  76.80",
            "INTERPRETARIAT_ORAL,     true,  false, true,  false, 58.00",
            "INTERPRETARIAT_ORAL,     true,  true,  true,  true,  88.50",
            "INTERPRETARIAT_ORAL,     true,  true,  true,  false, 69.80",
            "ENQUETE_IP1,             false, false, false, true,  39.00",
            "ENQUETE_IP2,             true,  true,  true,  false, 74.00",
            "ENQUETE_IP3,             false, false, false, true,  52.00",
            "ENQUETE_IP4,             false, false, false, true,  111.00",
            "ENQUETE_IP5,             false, false, false, true,  153.00",
            "ENQUETE_IP6,             false, false, false, true,  12.00",
            "ENQUETE_IA1,             false, false, false, true,  150.00",
            "ENQUETE_IA2,             false, false, false, true,  70.00",
            "ENQUETE_IA3,             false, false, false, true,  1110.00",
            "ENQUETE_IA4,             false, false, false, true,  925.00",
            "ENQUETE_IA5,             false, false, false, true,  370.00",
            "ENQUETE_IA6,             false, false, false, true,  25.00",
            "UNITE_DE_VALEUR_DELEGUE, false, false, false, true,  3.00",
    })
    void tariffedServices(String type, boolean option, boolean night, boolean weekend, boolean first, String price) {
        DmnDecisionRuleResult result = evaluate(type, option, night, weekend, first);
        assertThat((Boolean) result.getEntry("tariffed")).isTrue();
        assertThat((String) result.getEntry("unitPriceExclVat")).isEqualTo(price);
    }

    @ParameterizedTest
    @EnumSource(value = ServiceType.class, names = {"EXPERTISE", "EXPERTISE_MEDICALE", "EXPERTISE_PSYCHOLOGIQUE",
            "ADMINISTRATION_AD_HOC", "ANALYSE_LABORATOIRE", "GARDIENNAGE", "REQUISITION_TELECOM", "AUTRE_PRESTATION"})
    void everyOtherServiceIsUntariffed(ServiceType type) {
        DmnDecisionRuleResult result = evaluate(type.name(), false, false, false, true);
        assertThat(result.get("tariffed")).isEqualTo(false);
        assertThat(result.get("unitPriceExclVat")).isNull();
    }
}
