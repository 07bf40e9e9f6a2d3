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
 * The comptable's payment of a certified mémoire (120 € TTC granted): never more than granted; less only with a reason,
 * which the history keeps.
 */
@IntegrationTest
class PaymentIsComparedWithTheGrantedAmountTest {

    static final String COMPTABLE = "isabelle.richard";

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired MemoireDrafts drafts;
    @LocalServerPort int port;

    SentMemoires sent;
    String mj;

    @BeforeEach
    void anOrderedMemoire() throws IOException {
        sent = SentMemoires.forNewStructure(context, port);
        mj = sent.tariffed();
        sent.complete(mj, "Task_CertifyMemoire", "camille.martin", "greffe-TJ75101", Map.of("certificationDecision", "CERTIFIER"));
        sent.complete(mj, "Task_OrderPayment", "nicolas.thomas", "sar-CA_PARIS", Map.of("paymentOrdered", true));
    }

    MemoireView view() {
        return drafts.read(mj, sent.ready().manager().accountId());
    }

    @Test
    void aPaymentAboveTheGrantedAmountIsRefused() {
        assertThatThrownBy(() -> sent.complete(mj, "Task_ReleasePayment", COMPTABLE, "comptable",
                Map.of("paymentDate", "2026-11-30", "paidAmount", "120.01")))
                .hasMessageContaining("dépasse le montant retenu");

        assertThat(view().status()).isEqualTo(MemoireStatus.MANDATE);
        assertThat(view().paidAmount()).isNull();
    }

    @Test
    void aPaymentBelowTheGrantedAmountNeedsAReason() {
        assertThatThrownBy(() -> sent.complete(mj, "Task_ReleasePayment", COMPTABLE, "comptable",
                Map.of("paymentDate", "2026-11-30", "paidAmount", "100")))
                .hasMessageContaining("indiquez le motif de l'écart");
        assertThat(view().status()).isEqualTo(MemoireStatus.MANDATE);

        sent.complete(mj, "Task_ReleasePayment", COMPTABLE, "comptable", Map.of("paymentDate", "2026-11-30",
                "paidAmount", "100", "paymentGapReason", "Compensation d'un trop-perçu"));

        MemoireView paid = view();
        assertThat(paid.status()).isEqualTo(MemoireStatus.MIS_EN_PAIEMENT);
        assertThat(paid.paidAmount()).isEqualByComparingTo("100.00");
        assertThat(paid.history().get(paid.history().size() - 1).reason())
                .contains("100,00", "120,00", "Compensation d'un trop-perçu");
    }

    @Test
    void thePaymentOfTheGrantedAmountNeedsNoReason() {
        sent.complete(mj, "Task_ReleasePayment", COMPTABLE, "comptable",
                Map.of("paymentDate", "2026-11-30", "paidAmount", "120"));

        assertThat(view().paidAmount()).isEqualByComparingTo("120.00");
    }
}
