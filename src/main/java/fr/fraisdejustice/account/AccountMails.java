package fr.fraisdejustice.account;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import fr.fraisdejustice.notification.Mail;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.PublicUrl;

/** The mails of the account feature, in French, each in text and HTML. */
@Component
class AccountMails {

    private final PublicUrl publicUrl;

    AccountMails(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    Mail activation(Account account, String token, Instant expiresAt) {
        String link = link("/portail/activation", token);
        String expiry = FrenchDates.dateTime(expiresAt);
        return mail(account.loginEmail(), "Activez votre compte frais-de-justice",
                greeting(account),
                "Votre compte frais-de-justice (identifiant de connexion : " + account.loginEmail() + ") a été créé. "
                        + "Pour l'activer, choisissez votre mot de passe et votre question secrète en suivant ce lien :",
                link,
                "Ce lien ne sert qu'une fois et expire le " + expiry + ". Passé ce délai, demandez-en un nouveau sur "
                        + "la page « Je n'ai pas pu activer mon compte » : " + publicUrl.base() + ActivationHelpPage.PATH);
    }

    Mail activationExpired(Account account) {
        return mail(account.loginEmail(), "Votre lien d'activation frais-de-justice a expiré",
                greeting(account),
                "Le lien d'activation de votre compte (" + account.loginEmail() + ") a expiré sans avoir été utilisé. "
                        + "Pour en recevoir un nouveau, saisissez cette adresse sur la page « Je n'ai pas pu activer mon "
                        + "compte » : une sollicitation « Renvoi du courriel d'activation » sera ouverte pour vous auprès "
                        + "du support, et son numéro vous sera envoyé.",
                publicUrl.base() + ActivationHelpPage.PATH,
                "Le support vous enverra ensuite un nouveau lien, valable 30 jours.");
    }

    Mail passwordReset(Account account, String token, Instant expiresAt) {
        return mail(account.loginEmail(), "Réinitialisation de votre mot de passe frais-de-justice",
                greeting(account),
                "Vous avez demandé à changer le mot de passe du compte " + account.loginEmail() + ". "
                        + "Répondez à votre question secrète et choisissez un nouveau mot de passe en suivant ce lien :",
                link("/portail/nouveau-mot-de-passe", token),
                "Ce lien ne sert qu'une fois et expire le " + FrenchDates.dateTime(expiresAt) + ". "
                        + "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.");
    }

    Mail contactEmailConfirmation(Account account, String email, String token, Instant expiresAt) {
        return mail(email, "Confirmez votre adresse de contact frais-de-justice",
                greeting(account),
                "Cette adresse a été donnée comme adresse de contact du compte frais-de-justice " + account.loginEmail()
                        + ". Elle ne recevra les notifications qu'une fois confirmée, en suivant ce lien :",
                link("/portail/confirmation-adresse", token),
                "Ce lien ne sert qu'une fois et expire le " + FrenchDates.dateTime(expiresAt) + ". Si vous ne connaissez "
                        + "pas ce compte, ignorez ce message : cette adresse ne sera pas utilisée.");
    }

    private String link(String path, String token) {
        return UriComponentsBuilder.fromUriString(publicUrl.base() + path).queryParam("jeton", token).build().toUriString();
    }

    private static String greeting(Account account) {
        return "Bonjour " + account.firstName() + " " + account.lastName() + ",";
    }

    private static Mail mail(String to, String subject, String greeting, String body, String link, String footer) {
        String text = greeting + "\n\n" + body + "\n\n" + link + "\n\n" + footer + "\n\n-- \nfrais-de-justice, ministère de la Justice\n";
        String html = "<p>" + esc(greeting) + "</p><p>" + esc(body) + "</p><p><a href=\"" + esc(link) + "\">" + esc(link)
                + "</a></p><p>" + esc(footer) + "</p><p>— frais-de-justice, ministère de la Justice</p>";
        return new Mail(to, subject, text, html);
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
