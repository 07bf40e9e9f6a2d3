package fr.fraisdejustice.onboarding;

import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import fr.fraisdejustice.account.AccountStatus;
import fr.fraisdejustice.account.Accounts;
import fr.fraisdejustice.notification.Mail;
import fr.fraisdejustice.notification.OutgoingMail;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.PublicUrl;
import fr.fraisdejustice.structure.Membership;
import fr.fraisdejustice.structure.Structures;
import fr.fraisdejustice.ticket.AccountTickets;

/**
 * « Je n'ai pas pu activer mon compte »: tickets need an active account, so the holder of an expired activation asks
 * here, with his login e-mail only, and a ticket « Renvoi du courriel d'activation » is opened on his behalf; its number
 * goes to the login e-mail. The request always gets the same answer at the same speed: the work is done after the
 * answer (an outbox listener), so that neither the answer nor its delay tells whether the address has an account.
 */
@Service
public class ActivationHelp {

    static final String ANSWER = "Votre demande est enregistrée. Si l'activation du compte de cette adresse a expiré, "
            + "une sollicitation « Renvoi du courriel d'activation » est ouverte pour vous auprès du support, et son numéro "
            + "vous est envoyé à cette adresse dans quelques minutes ; le support vous enverra ensuite un nouveau lien, "
            + "valable 30 jours. Si votre lien n'a pas encore expiré, utilisez le dernier courriel d'activation reçu "
            + "(pensez aux courriers indésirables).";

    /** What was asked, kept by the outbox until handled. */
    public record Requested(String loginEmail) {
    }

    private final Accounts accounts;
    private final Structures structures;
    private final AccountTickets tickets;
    private final ApplicationEventPublisher events;
    private final PublicUrl publicUrl;

    ActivationHelp(Accounts accounts, Structures structures, AccountTickets tickets, ApplicationEventPublisher events,
                   PublicUrl publicUrl) {
        this.accounts = accounts;
        this.structures = structures;
        this.tickets = tickets;
        this.events = events;
        this.publicUrl = publicUrl;
    }

    @Transactional
    public String request(String loginEmail) {
        if (loginEmail == null || loginEmail.isBlank()) {
            throw DomainException.invalidField("loginEmail", "REQUIRED",
                    "Saisissez l'adresse électronique de connexion de votre compte.");
        }
        if (loginEmail.trim().length() > 254) {
            throw DomainException.invalidField("loginEmail", "INVALID_LENGTH",
                    "L'adresse électronique compte au plus 254 caractères.");
        }
        events.publishEvent(new Requested(loginEmail.trim()));
        return ANSWER;
    }

    @ApplicationModuleListener
    void handle(Requested request) {
        accounts.byLoginEmail(request.loginEmail())
                .filter(account -> account.status() == AccountStatus.ACTIVATION_EXPIRED)
                .ifPresent(account -> structureOf(account.accountId()).ifPresent(structureId -> {
                    AccountTickets.Opened ticket = tickets.activationResend(account.accountId(), structureId,
                            account.loginEmail(), account.firstName() + " " + account.lastName());
                    events.publishEvent(new OutgoingMail("activation-help:" + ticket.number() + ":" + UUID.randomUUID(),
                            mail(account, ticket)));
                }));
    }

    /** The structure the account joined or asked to join at its creation (tickets belong to a structure). */
    private Optional<UUID> structureOf(UUID accountId) {
        return structures.of(accountId).stream()
                .min(Comparator.comparing(b -> b.membership().status() == Membership.Status.ACTIVE ? 0 : 1))
                .map(b -> b.structure().id());
    }

    private Mail mail(Accounts.Profile account, AccountTickets.Opened ticket) {
        String greeting = "Bonjour " + account.firstName() + " " + account.lastName() + ",";
        String body = (ticket.created()
                ? "Votre demande de nouveau lien d'activation est transmise au support national : c'est la sollicitation n° "
                : "Votre demande de nouveau lien d'activation est déjà entre les mains du support national : c'est la "
                        + "sollicitation n° ")
                + ticket.number() + " (« Renvoi du courriel d'activation »), ouverte pour le compte " + account.loginEmail()
                + ".";
        String next = "Le support va vous envoyer à cette adresse un nouveau lien d'activation, valable 30 jours : vous "
                + "n'avez rien d'autre à faire. Si vous écrivez au support, rappelez ce numéro.";
        String signature = "frais-de-justice, ministère de la Justice — " + publicUrl.base() + "/portail/connexion";
        String text = greeting + "\n\n" + body + "\n\n" + next + "\n\n-- \n" + signature + "\n";
        String html = "<p>" + esc(greeting) + "</p><p>" + esc(body) + "</p><p>" + esc(next) + "</p><p>— " + esc(signature)
                + "</p>";
        return new Mail(account.loginEmail(), "Sollicitation " + ticket.number() + " : renvoi de votre courriel d'activation",
                text, html);
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
