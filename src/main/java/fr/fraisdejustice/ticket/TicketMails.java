package fr.fraisdejustice.ticket;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.notification.Mail;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.PublicUrl;

/** The mails a requester gets when the ticket waits on him, and when it is closed for want of an answer. */
@Component
class TicketMails {

    private final PublicUrl publicUrl;

    TicketMails(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    Mail of(SupportTicket ticket, String lastMessage) {
        String link = publicUrl.base() + "/portail/sollicitation?numero=" + ticket.number();
        String subject;
        String body;
        switch (ticket.status()) {
            case RESOLU -> {
                subject = "Sollicitation " + ticket.number() + " : une solution vous est proposée";
                body = "Une solution est proposée à votre sollicitation « " + ticket.title() + " » : acceptez-la, ou "
                        + "refusez-la en disant pourquoi. Sans réponse de votre part dans les " + SupportTicketProcess.REQUESTER_WAIT.toDays() + " jours, la sollicitation sera clôturée.";
            }
            case ACTION_REQUISE -> {
                subject = "Sollicitation " + ticket.number() + " : des informations vous sont demandées";
                body = "Pour traiter votre sollicitation « " + ticket.title() + " », des informations vous sont demandées. "
                        + "Sans réponse de votre part dans les " + SupportTicketProcess.REQUESTER_WAIT.toDays() + " jours, la sollicitation sera clôturée.";
            }
            default -> {
                subject = "Sollicitation " + ticket.number() + " clôturée";
                body = "Votre sollicitation « " + ticket.title() + " » est clôturée, faute de réponse de votre part depuis "
                        + SupportTicketProcess.REQUESTER_WAIT.toDays() + " jours. Si besoin, ouvrez une nouvelle sollicitation.";
            }
        }
        String quoted = lastMessage == null || lastMessage.isBlank() ? "" : "« " + lastMessage + " »";
        String text = "Bonjour,\n\n" + body + "\n\n" + quoted + "\n\nVotre sollicitation : " + link
                + "\n\n-- \nfrais-de-justice, ministère de la Justice\n";
        String html = "<p>Bonjour,</p><p>" + esc(body) + "</p>" + (quoted.isEmpty() ? "" : "<blockquote>" + esc(quoted) + "</blockquote>")
                + "<p><a href=\"" + esc(link) + "\">Votre sollicitation " + esc(ticket.number()) + "</a></p>";
        return new Mail(ticket.contactEmail(), subject, text, html);
    }

    /** To the current gestionnaire principal: who is to take his role, why, when, and how to object. */
    Mail nominationAnnounced(AccountDirectory.Contact manager, String namedName, String structure, SupportTicket ticket,
                             String reason, Instant effectiveAt) {
        String link = publicUrl.base() + "/portail/fiche-structure?structure=" + ticket.structureId();
        String date = FrenchDates.date(effectiveAt);
        String subject = "Nomination d'un nouveau gestionnaire principal de « " + structure + " » le " + date;
        String body = "Le support national a été saisi d'une demande de nomination (sollicitation " + ticket.number()
                + ") : " + namedName + " deviendra gestionnaire principal de « " + structure + " » le " + date
                + ". Vous resterez membre de la structure, avec le rôle de gestionnaire.";
        String motive = "Motif indiqué par le support : « " + reason + " »";
        String objection = "Si vous vous opposez à cette nomination, faites-le avant le " + date + " depuis la fiche de "
                + "la structure, bouton « Je m'oppose à cette nomination », en indiquant pourquoi : la nomination sera "
                + "alors suspendue et le support réexaminera la demande. Sans opposition de votre part, elle prendra effet à cette date.";
        String text = "Bonjour " + manager.fullName() + ",\n\n" + body + "\n\n" + motive + "\n\n" + objection + "\n\n"
                + link + "\n\n-- \nfrais-de-justice, ministère de la Justice\n";
        String html = "<p>Bonjour " + esc(manager.fullName()) + ",</p><p>" + esc(body) + "</p><p>" + esc(motive) + "</p><p>"
                + esc(objection) + "</p><p><a href=\"" + esc(link) + "\">La fiche de la structure</a></p>";
        return new Mail(manager.contactEmail(), subject, text, html);
    }

    /** To the requester: the current gestionnaire principal objected, the support takes the ticket up again. */
    Mail nominationObjected(SupportTicket ticket, String managerName, String objection) {
        String link = publicUrl.base() + "/portail/sollicitation?numero=" + ticket.number();
        String subject = "Sollicitation " + ticket.number() + " : le gestionnaire principal s'oppose à la nomination";
        String body = managerName + ", gestionnaire principal en place, s'oppose à la nomination demandée par votre "
                + "sollicitation « " + ticket.title() + " ». La nomination n'a pas lieu ; le support national réexamine "
                + "votre demande et vous répondra.";
        String quoted = "Son motif : « " + objection + " »";
        String text = "Bonjour,\n\n" + body + "\n\n" + quoted + "\n\nVotre sollicitation : " + link
                + "\n\n-- \nfrais-de-justice, ministère de la Justice\n";
        String html = "<p>Bonjour,</p><p>" + esc(body) + "</p><blockquote>" + esc(quoted) + "</blockquote>"
                + "<p><a href=\"" + esc(link) + "\">Votre sollicitation " + esc(ticket.number()) + "</a></p>";
        return new Mail(ticket.contactEmail(), subject, text, html);
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
