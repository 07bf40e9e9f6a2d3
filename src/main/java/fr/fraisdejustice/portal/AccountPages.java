package fr.fraisdejustice.portal;

import java.util.List;

/** Portal pages of the account: creation, activation and its help, login, passwords, « Mon compte », the terms of use. */
final class AccountPages {

    static final List<PortalPage> PAGES = List.of(
        PortalPage.form("/portail/creer-un-compte", "Créer votre compte", "",
                "account-creation", "/api/accounts", "").withResult("account-created"),
        PortalPage.form("/portail/activation", "Activer votre compte", "",
                "account-activation", "/api/accounts/activation", "")
                .withUrlFields("token=jeton", "/api/accounts/activation").withResult("activated"),
        PortalPage.form("/portail/connexion", "Se connecter", "",
                "login", "/api/session", "/portail/compte"),
        PortalPage.form("/portail/mot-de-passe-oublie", "Mot de passe oublié",
                "Saisissez l'adresse de connexion de votre compte : un lien vous sera envoyé à cette adresse.",
                "password-forgotten", "/api/password-reset", "").withResult("message"),
        PortalPage.form("/portail/nouveau-mot-de-passe", "Choisir un nouveau mot de passe",
                "Répondez à votre question secrète, puis choisissez votre nouveau mot de passe.",
                "password-reset", "/api/password-reset/confirm", "")
                .withUrlFields("token=jeton", "/api/password-reset").withResult("activated"),
        PortalPage.form("/portail/confirmation-adresse", "Confirmer votre adresse de contact",
                "Cette adresse recevra les notifications de votre compte une fois confirmée.",
                "contact-email-confirmation", "/api/me/contact-email/confirmation", "")
                .withUrlFields("token=jeton", "").withResult("confirmed"),
        PortalPage.form("/portail/activation-impossible", "Je n'ai pas pu activer mon compte", "",
                "activation-help", "/api/activation-help", "").withResult("activation-help"),
        PortalPage.form("/portail/conditions-generales", "Conditions générales d'utilisation",
                "Les règles d'utilisation du portail frais-de-justice, acceptées à la création de chaque compte.",
                "terms-of-use", "", ""),
        new PortalPage("/portail/compte", "Mon compte", "", "my-account", "LOAD", "/api/me", "account", "", "", ""));

    private AccountPages() {
    }
}
