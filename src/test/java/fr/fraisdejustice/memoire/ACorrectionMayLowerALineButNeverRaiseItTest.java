package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * The certification's redressements go through dmn/correction-rule: a line of 100 € HT (4 pages × 25 €) may be
 * lowered, never raised above what the provider asked; a refused correction changes nothing.
 */
@IntegrationTest
class ACorrectionMayLowerALineButNeverRaiseItTest {

    static final String CLERK = "camille.martin";
    static final String GREFFE = "greffe-TJ75101";

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired MemoireDrafts drafts;
    @LocalServerPort int port;

    SentMemoires sent;

    @BeforeEach
    void setUp() throws IOException {
        sent = SentMemoires.forNewStructure(context, port);
    }

    @Test
    void raisingALineAboveTheRequestIsRefusedAndNothingChanges() {
        String mj = sent.tariffed();

        assertThatThrownBy(() -> sent.complete(mj, "Task_CertifyMemoire", CLERK, GREFFE, Map.of(
                "certificationDecision", "CERTIFIER", "corrections", "1 ; 100,01 ; erreur de calcul")))
                .hasMessageContaining("Ligne 1").hasMessageContaining("jamais la porter au-delà");

        MemoireView unchanged = drafts.read(mj, sent.ready().manager().accountId());
        assertThat(unchanged.status()).isEqualTo(MemoireStatus.MIS_A_DISPOSITION);
        assertThat(unchanged.grantedAmount()).isNull();
        assertThat(sent.task(mj, "Task_CertifyMemoire")).isNotNull();
    }

    @Test
    void loweringALineOrKeepingItsAmountIsAdmitted() {
        String mj = sent.tariffed();

        sent.complete(mj, "Task_CertifyMemoire", CLERK, GREFFE, Map.of(
                "certificationDecision", "CERTIFIER", "corrections", "1 ; 75,00 ; 3 pages et non 4"));

        MemoireView certified = drafts.read(mj, sent.ready().manager().accountId());
        assertThat(certified.status()).isEqualTo(MemoireStatus.CERTIFIE);
        assertThat(certified.grantedAmount()).isEqualByComparingTo("90.00");

        String other = sent.tariffed();
        sent.complete(other, "Task_CertifyMemoire", CLERK, GREFFE, Map.of(
                "certificationDecision", "CERTIFIER", "corrections", "1 ; 100,00 ; montant vérifié"));
        assertThat(drafts.read(other, sent.ready().manager().accountId()).grantedAmount()).isEqualByComparingTo("120.00");
    }
}
