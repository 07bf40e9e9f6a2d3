package fr.fraisdejustice.structure;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.notification.Mail;
import fr.fraisdejustice.notification.Mailer;
import fr.fraisdejustice.shared.PublicUrl;

/**
 * Tells the requester how his membership request was decided, and the gestionnaire that one was made: outbox listeners,
 * after commit, each mail once.
 */
@Component
class MembershipMails {

    private final AccountDirectory directory;
    private final Mailer mailer;
    private final PublicUrl publicUrl;

    MembershipMails(AccountDirectory directory, Mailer mailer, PublicUrl publicUrl) {
        this.directory = directory;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    @ApplicationModuleListener
    void decided(Memberships.RequestDecided event) {
        AccountDirectory.Contact requester = directory.contact(event.requesterId());
        String body = event.approved()
                ? "Le gestionnaire principal de « " + event.structureName() + " » a accepté votre demande de rattachement : "
                        + "vous accédez désormais aux données de la structure."
                : "Le gestionnaire principal de « " + event.structureName() + " » a refusé votre demande de rattachement. "
                        + "Si c'est une erreur, contactez-le, ou ouvrez une sollicitation auprès du support.";
        send("membership-decision:" + event.membershipId(), requester,
                "Votre demande de rattachement à " + event.structureName(), body, publicUrl.base() + "/portail/structures");
    }

    @ApplicationModuleListener
    void made(Memberships.RequestMade event) {
        AccountDirectory.Contact requester = directory.contact(event.requesterId());
        send("membership-request:" + event.membershipId(), directory.contact(event.managerId()), "Demande de rattachement à " + event.structureName(),
                requester.fullName() + " demande à être rattaché(e) à « " + event.structureName() + " ». "
                        + requester.emailsStatement() + " Acceptez ou refusez sa demande dans votre espace ; une fois "
                        + "acceptée, elle n'a que le profil « consultation », que vous pouvez compléter.",
                publicUrl.base() + "/portail/fiche-structure?structure=" + event.structureId() + "#membres");
    }

    private void send(String idempotencyKey, AccountDirectory.Contact to, String subject, String body, String link) {
        String greeting = "Bonjour " + to.fullName() + ",";
        mailer.sendOnce(idempotencyKey, new Mail(to.contactEmail(), subject,
                greeting + "\n\n" + body + "\n\n" + link + "\n\n-- \nfrais-de-justice, ministère de la Justice\n",
                "<p>" + esc(greeting) + "</p><p>" + esc(body) + "</p><p><a href=\"" + esc(link) + "\">" + esc(link) + "</a></p>"));
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
