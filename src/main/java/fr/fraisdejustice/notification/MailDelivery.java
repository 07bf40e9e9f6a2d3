package fr.fraisdejustice.notification;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Delivers the mails of the outbox, after the commit that decided them, each once. */
@Component
class MailDelivery {

    private final Mailer mailer;

    MailDelivery(Mailer mailer) {
        this.mailer = mailer;
    }

    @ApplicationModuleListener
    void deliver(OutgoingMail outgoing) {
        mailer.sendOnce(outgoing.idempotencyKey(), outgoing.mail());
    }
}
