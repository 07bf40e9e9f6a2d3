package fr.fraisdejustice.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dmn/ticket-routing.dmn: every sous-catégorie of the reference list, and one the table does not know. */
class TicketRoutingDecisionTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("dmn/ticket-routing.dmn"))) {
            decision = dmn.parseDecision(TicketRouting.DECISION, in);
        }
    }

    @ParameterizedTest(name = "{0} › {1} → {2}")
    @CsvSource({
            "MEMOIRE,   SUIVI_MEMOIRE,           SERVICE_METIER",
            "MEMOIRE,   PAIEMENT_MEMOIRE,        SERVICE_METIER",
            "MEMOIRE,   REFUS_MEMOIRE,           SERVICE_METIER",
            "MEMOIRE,   DEPOT_FLUX,              SUPPORT",
            "COMPTE,    RENVOI_ACTIVATION,       SUPPORT",
            "COMPTE,    DEBLOCAGE_COMPTE,        SUPPORT",
            "STRUCTURE, NOMINATION_GESTIONNAIRE, SUPPORT",
            "STRUCTURE, RATTACHEMENT,            SUPPORT",
            "STRUCTURE, COORDONNEES_BANCAIRES,   SUPPORT",
            "STRUCTURE, MANDAT_FACTURATION,      SUPPORT",
            "AUTRE,     NOUVELLE_SOUS_CATEGORIE, SUPPORT"})
    void theRecipientOfEachSubcategory(String category, String subcategory, String recipient) {
        assertThat((String) dmn.evaluateDecisionTable(decision, Map.of("category", category, "subcategory", subcategory))
                .getSingleResult().getSingleEntry()).isEqualTo(recipient);
    }
}
