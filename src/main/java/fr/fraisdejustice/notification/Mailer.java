package fr.fraisdejustice.notification;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends mail. Call it from an async service task (a failure then becomes a retried job, then an incident) or from an
 * outbox listener ({@link #sendOnce}), never inside a business transaction that may still roll back.
 */
@Service
public class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String from;

    Mailer(JavaMailSender sender, JdbcTemplate jdbc, Clock clock, @Value("${fdj.mail.from}") String from) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.clock = clock;
        this.from = from;
    }

    /**
     * Sends the mail unless a mail with this key was already sent. The key is recorded in the caller's transaction (an
     * outbox listener's): a failed send rolls it back, so the re-delivery tries again; a re-delivery after a success
     * finds it and sends nothing, on whichever node it runs.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendOnce(String idempotencyKey, Mail mail) {
        int claimed = jdbc.update("insert into sent_mail (idempotency_key, sent_at) values (?, ?) on conflict do nothing",
                idempotencyKey, Timestamp.from(clock.instant()));
        if (claimed == 0) {
            LOG.info("Courriel {} déjà envoyé : rien n'est renvoyé", idempotencyKey);
            return;
        }
        send(mail);
    }

    public void send(Mail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
        } catch (MessagingException e) {
            throw new MailPreparationException("Courriel « " + mail.subject() + " » impossible à préparer", e);
        }
        sender.send(message);
    }
}
