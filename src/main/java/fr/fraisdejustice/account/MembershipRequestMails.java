package fr.fraisdejustice.account;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import fr.fraisdejustice.notification.Mailer;

/** Tells a structure's gestionnaire that someone asks to join, once the request is committed. */
@Component
class MembershipRequestMails {

    private final AccountRepository accounts;
    private final AccountMails mails;
    private final Mailer mailer;

    MembershipRequestMails(AccountRepository accounts, AccountMails mails, Mailer mailer) {
        this.accounts = accounts;
        this.mails = mails;
        this.mailer = mailer;
    }

    @TransactionalEventListener
    void membershipRequested(AccountRegistration.MembershipRequested event) {
        Account requester = accounts.findById(event.requesterId()).orElseThrow();
        Account manager = accounts.findById(event.managerId()).orElseThrow();
        mailer.send(mails.membershipRequested(manager.contactEmail(), requester, event.structureName()));
    }
}
