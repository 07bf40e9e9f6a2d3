package fr.fraisdejustice.account;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import fr.fraisdejustice.notification.Mailer;

/** Tells a structure's gestionnaire that someone asks to join, once the request is committed. */
@Component
class MembershipRequestMails {

    private final AccountDirectory directory;
    private final AccountMails mails;
    private final Mailer mailer;

    MembershipRequestMails(AccountDirectory directory, AccountMails mails, Mailer mailer) {
        this.directory = directory;
        this.mails = mails;
        this.mailer = mailer;
    }

    @TransactionalEventListener
    void membershipRequested(AccountRegistration.MembershipRequested event) {
        mailer.send(mails.membershipRequested(directory.contact(event.managerId()).contactEmail(),
                directory.contact(event.requesterId()), event.structureName()));
    }
}
