package fr.fraisdejustice.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;

/**
 * The one durable outbox: a mail decided in a transaction is stored with it and delivered after commit; a mail the SMTP
 * server refused, or one a stopped node left undelivered, is delivered by the scheduled resubmission; none twice.
 */
@IntegrationTest
class OutboxDeliveryTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    OutboxResubmission resubmission;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GreenMail smtp;

    @Autowired
    JavaMailSenderImpl mailSender;

    @LocalServerPort
    int port;

    @AfterEach
    void smtpServerBack() {
        if (!smtp.isRunning()) {
            smtp.start();
            mailSender.setPort(smtp.getSmtp().getPort());
        }
    }

    @Test
    void aMailIsDeliveredAfterTheCommitOfTheTransactionThatDecidedIt() {
        String to = unique("apres-validation");
        transaction.executeWithoutResult(status -> publish(to));

        assertThat(new Mailbox(smtp).await(to, 1)).hasSize(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(to) == 0);
    }

    @Test
    void aMailOfARolledBackTransactionNeverLeaves() throws InterruptedException {
        String to = unique("annule");
        transaction.executeWithoutResult(status -> {
            publish(to);
            status.setRollbackOnly();
        });

        Thread.sleep(500);
        assertThat(new Mailbox(smtp).to(to)).isEmpty();
        assertThat(incompleteFor(to)).isZero();
    }

    @Test
    void aMailTheSmtpServerRefusedIsDeliveredOnceAfterItComesBack() {
        String to = unique("serveur-arrete");
        smtp.stop();
        transaction.executeWithoutResult(status -> publish(to));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(to) == 1);

        smtp.start();
        mailSender.setPort(smtp.getSmtp().getPort());
        assertThat(resubmission.resubmit(Duration.ZERO)).isTrue();

        assertThat(new Mailbox(smtp).await(to, 1)).hasSize(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(to) == 0);
        resubmission.resubmit(Duration.ZERO);
        assertThat(new Mailbox(smtp).to(to)).as("never twice").hasSize(1);
    }

    @Test
    void aPublicationLeftIncompleteAndHeldTwiceIsDeliveredOnce() {
        String to = unique("noeud-arrete");
        smtp.stop();
        transaction.executeWithoutResult(status -> publish(to));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(to) == 1);
        // what a stopped node leaves behind is such a row, never completed; a second copy stands for a re-delivery
        jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date) "
                + "select ?, listener_id, event_type, serialized_event, publication_date from event_publication "
                + "where completion_date is null and serialized_event like ?", UUID.randomUUID(), "%" + to + "%");
        assertThat(incompleteFor(to)).isEqualTo(2);

        smtp.start();
        mailSender.setPort(smtp.getSmtp().getPort());
        resubmission.resubmit(Duration.ZERO);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> incompleteFor(to) == 0);
        assertThat(new Mailbox(smtp).to(to)).as("its idempotency key lets one mail through").hasSize(1);
    }

    @Test
    void administratorsSeeWhatIsLeftToDeliverAndOthersDoNot() {
        Http http = new Http(port);
        assertThat(http.send(http.request("/api/admin/outbox")
                .header("Authorization", Http.basic("marc.leroy", "Admin-FDJ-2026"))).statusCode()).isEqualTo(200);
        assertThat(http.send(http.request("/api/admin/outbox")
                .header("Authorization", Http.basic("camille.martin", "Greffe-Paris-2026"))).statusCode()).isEqualTo(403);
    }

    private void publish(String to) {
        events.publishEvent(new OutgoingMail("test:" + UUID.randomUUID(),
                new Mail(to, "Courriel de la boîte d'envoi", "Texte", "<p>Texte</p>")));
    }

    private int incompleteFor(String to) {
        Integer count = jdbc.queryForObject("select count(*) from event_publication where completion_date is null "
                + "and serialized_event like ?", Integer.class, "%" + to + "%");
        return count == null ? 0 : count;
    }

    private static String unique(String who) {
        return who + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
    }
}
