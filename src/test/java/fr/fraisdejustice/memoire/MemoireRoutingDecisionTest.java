package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dmn/memoire-routing.dmn: each rule of its three tables, read through the decision the process calls. */
class MemoireRoutingDecisionTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("dmn/memoire-routing.dmn"))) {
            decision = dmn.parseDecision(MemoireRouting.DECISION, in);
        }
    }

    static DmnDecisionResultEntries route(String type, String code, String ressort, String courAppel, double amount,
                                          boolean allTariffed, boolean late) {
        return dmn.evaluateDecision(decision, Variables.createVariables()
                .putValue("jurisdictionType", type).putValue("jurisdictionCode", code)
                .putValue("jurisdictionRessort", ressort).putValue("jurisdictionCourAppel", courAppel)
                .putValue("amountInclVat", amount).putValue("allTariffed", allTariffed).putValue("late", late))
                .getSingleResult();
    }

    @ParameterizedTest(name = "{0} {1} (ressort {2}) → service centralisateur {4}, cour d'appel {3}")
    @CsvSource(nullValues = "null", value = {
            "TRIBUNAL_JUDICIAIRE, TJ75101, null,    CA_PARIS, TJ75101",
            "TRIBUNAL_JUDICIAIRE, TJ39198, null,    CA_BESANCON, TJ39198",
            "COUR_APPEL,          CA_LYON, null,    CA_LYON,  CA_LYON",
            "CONSEIL_PRUDHOMMES,  CPH75056, TJ75101, CA_PARIS, TJ75101"})
    void theCertifyingOfficeAndItsCourDAppel(String type, String code, String ressort, String courAppel, String office) {
        DmnDecisionResultEntries route = route(type, code, ressort, courAppel, 100, true, false);

        assertThat((String) route.getEntry("certifyingOffice")).isEqualTo(office);
        assertThat((String) route.getEntry("courAppel")).isEqualTo(courAppel);
    }

    @ParameterizedTest(name = "{0} € tarifé={1} tardif={2} → {3}")
    @CsvSource({
            "5000.00, true,  false, CERTIFICATION",
            "100.00,  true,  true,  TAXATION",
            "100.00,  false, true,  TAXATION",
            "1499.99, false, false, CERTIFICATION",
            "1500.00, false, false, TAXATION",
            "20000,   false, false, TAXATION"})
    void certificationOrTaxation(double amount, boolean allTariffed, boolean late, String track) {
        assertThat((String) route("TRIBUNAL_JUDICIAIRE", "TJ75101", null, "CA_PARIS", amount, allTariffed, late)
                .getEntry("track")).isEqualTo(track);
    }

    @ParameterizedTest(name = "{0} € → {1}")
    @CsvSource({"0.01, FORMAL", "150.00, FORMAL", "150.01, THOROUGH", "12000, THOROUGH"})
    void theControlLevel(double amount, String level) {
        assertThat((String) route("TRIBUNAL_JUDICIAIRE", "TJ75101", null, "CA_PARIS", amount, true, false)
                .getEntry("controlLevel")).isEqualTo(level);
    }
}
