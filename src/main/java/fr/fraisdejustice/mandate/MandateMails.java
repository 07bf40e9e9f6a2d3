package fr.fraisdejustice.mandate;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import fr.fraisdejustice.notification.Mail;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.PublicUrl;

@Component
class MandateMails {

    private final PublicUrl publicUrl;

    MandateMails(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    Mail signatureLink(BillingMandate mandate, String token, Instant expiresAt) {
        String link = UriComponentsBuilder.fromUriString(publicUrl.base() + "/portail/signature-mandat")
                .queryParam("jeton", token).build().toUriString();
        String body = "Le mandat de facturation « " + mandate.label() + " » a été généré pour votre structure. En le "
                + "signant, vous autorisez l'État (ministère de la Justice) à émettre en votre nom et pour votre compte les "
                + "mémoires de frais de justice. Lisez-le et signez-le en suivant ce lien :";
        String footer = "Ce lien ne sert qu'une fois et expire le " + FrenchDates.dateTime(expiresAt)
                + ". Signer ce mandat révoque le mandat actif de la structure, s'il y en a un.";
        String greeting = "Bonjour " + mandate.signatoryName() + ",";
        String text = greeting + "\n\n" + body + "\n\n" + link + "\n\n" + footer + "\n\n-- \nfrais-de-justice, ministère de la Justice\n";
        String html = "<p>" + esc(greeting) + "</p><p>" + esc(body) + "</p><p><a href=\"" + esc(link) + "\">" + esc(link)
                + "</a></p><p>" + esc(footer) + "</p>";
        return new Mail(mandate.signatoryEmail(), "Mandat de facturation à signer : " + mandate.label(), text, html);
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
