package fr.fraisdejustice.ticket;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import fr.fraisdejustice.notification.Mail;
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

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
