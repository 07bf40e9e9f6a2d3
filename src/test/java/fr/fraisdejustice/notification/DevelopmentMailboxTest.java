package fr.fraisdejustice.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** What the application mails in development lands in the in-process SMTP server and shows in the mailbox. */
@IntegrationTest
class DevelopmentMailboxTest {

    @Autowired
    JavaMailSender mail;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void emptyMailbox() {
        http = new Http(port);
        assertThat(http.send(http.request("/dev/mailbox/messages").DELETE()).statusCode()).isEqualTo(204);
    }

    @Test
    void aSentMailIsListedWithItsRecipientSubjectTextAndLinks() throws MessagingException, IOException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("ne-pas-repondre@frais-de-justice.example.fr");
        helper.setTo("interprete@example.fr");
        helper.setSubject("Activez votre compte");
        helper.setText("Bonjour,\nactivez votre compte : http://localhost:8080/portail/activation?token=abc&x=1\n",
                "<p>Bonjour, <a href=\"http://localhost:8080/portail/activation?token=abc&amp;x=1\">activez</a></p>");
        mail.send(message);

        JsonNode messages = json.readTree(http.get("/dev/mailbox/messages").body());
        assertThat(messages).hasSize(1);
        JsonNode received = messages.get(0);
        assertThat(received.get("to").get(0).asText()).isEqualTo("interprete@example.fr");
        assertThat(received.get("subject").asText()).isEqualTo("Activez votre compte");
        assertThat(received.get("text").asText()).contains("activez votre compte");
        assertThat(received.get("links")).hasSize(1);
        assertThat(received.get("links").get(0).asText()).isEqualTo("http://localhost:8080/portail/activation?token=abc&x=1");
        assertThat(received.get("receivedAt").asText()).isNotBlank();
    }

    @Test
    void emptyingTheMailboxRemovesEveryMessage() throws IOException {
        var plain = new org.springframework.mail.SimpleMailMessage();
        plain.setTo("expert@example.fr");
        plain.setSubject("Test");
        plain.setText("Sans lien");
        mail.send(plain);
        assertThat(json.readTree(http.get("/dev/mailbox/messages").body())).hasSize(1);

        http.send(http.request("/dev/mailbox/messages").method("DELETE", HttpRequest.BodyPublishers.noBody()));

        assertThat(json.readTree(http.get("/dev/mailbox/messages").body())).isEmpty();
    }
}
