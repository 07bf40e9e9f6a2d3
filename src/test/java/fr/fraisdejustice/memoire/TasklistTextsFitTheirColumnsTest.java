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

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired MandateSignature mandates;
    @Autowired MemoireDrafts drafts;
    @Autowired MemoireAttachments attachments;
    @Autowired MemoireSubmission submission;
    @Autowired ObjectMapper json;
    @Autowired GreenMail mailServer;
    @LocalServerPort int port;

    SentMemoires sent;

    @BeforeEach
    void setUp() throws IOException {
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, new Http(port), json);
        ready.signMandate(engine, mandates, mailServer);
        sent = new SentMemoires(ready, drafts, attachments, submission, engine);
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
