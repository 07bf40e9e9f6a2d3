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

/** What the staff type in Tasklist's forms fits the columns it reaches: too long a text is refused in French. */
@IntegrationTest
class TasklistTextsFitTheirColumnsTest {

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
    void aCorrectionReasonOfMoreThan500CharactersIsRefused() {
        String mj = sent.tariffed();

        assertThatThrownBy(() -> sent.complete(mj, "Task_CertifyMemoire", CLERK, GREFFE, Map.of(
                "certificationDecision", "CERTIFIER", "corrections", "1 ; 75,00 ; " + "x".repeat(501))))
                .hasMessageContaining("au plus 500 caractères");
        assertThat(drafts.read(mj, sent.ready().manager().accountId()).status()).isEqualTo(MemoireStatus.MIS_A_DISPOSITION);
    }

    @Test
    void aCommentOfMoreThan1500CharactersIsRefused() {
        String mj = sent.tariffed();

        assertThatThrownBy(() -> sent.complete(mj, "Task_CertifyMemoire", CLERK, GREFFE, Map.of(
                "certificationDecision", "COMPLEMENT", "complementRequest", "x".repeat(1501))))
                .hasMessageContaining("1 500 caractères");
        assertThat(drafts.read(mj, sent.ready().manager().accountId()).status()).isEqualTo(MemoireStatus.MIS_A_DISPOSITION);
    }
}
