package fr.fraisdejustice.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dmn/memoire-prerequisites.dmn, rule by rule, on the DMN engine alone. */
class MemoirePrerequisitesDecisionTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("dmn/memoire-prerequisites.dmn"))) {
            decision = dmn.parseDecision("memoire-prerequisites", in);
        }
    }

    @ParameterizedTest(name = "personne physique={0} banque={1} mandat={2} identifiant={3} régime={4} → [{5}]")
    @CsvSource({
            // a company: only 01 and 02 can be missing, whatever its identifier and régime
            "false, true,  true,  true,  true,  ''",
            "false, false, true,  true,  true,  01",
            "false, true,  false, true,  true,  02",
            "false, false, false, true,  true,  01 02",
            "false, true,  true,  false, false, ''",
            // a natural person: 03 and 04 too
            "true,  true,  true,  true,  true,  ''",
            "true,  true,  true,  false, true,  03",
            "true,  true,  true,  true,  false, 04",
            "true,  false, false, false, false, 01 02 03 04",
            "true,  false, true,  true,  false, 01 04",
    })
    void missingPrerequisites(boolean naturalPerson, boolean bank, boolean mandate, boolean identifier, boolean regime,
                              String expected) {
        List<String> codes = dmn.evaluateDecisionTable(decision, Map.of("naturalPerson", naturalPerson,
                        "hasValidBankAccount", bank, "hasActiveMandate", mandate, "identifierConforming", identifier,
                        "regimeSet", regime))
                .collectEntries("code");
        assertThat(codes).containsExactlyElementsOf(expected.isBlank() ? List.of() : Arrays.asList(expected.split(" ")));
    }

    @Test
    void everyMissingPrerequisiteComesWithItsFrenchLabel() {
        var result = dmn.evaluateDecisionTable(decision, Map.of("naturalPerson", true, "hasValidBankAccount", false,
                "hasActiveMandate", false, "identifierConforming", false, "regimeSet", false));
        assertThat(result.collectEntries("label")).hasSize(4).allSatisfy(label -> assertThat((String) label).isNotBlank());
        assertThat(result.get(1).<String>getEntry("label")).isEqualTo("Un mandat de facturation signé");
    }
}
