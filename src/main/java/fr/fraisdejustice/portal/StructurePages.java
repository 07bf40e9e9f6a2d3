package fr.fraisdejustice.portal;

import java.util.List;

/** Portal pages of a structure: prerequisites, bank details, mandates, settings, members. */
final class StructurePages {

    static final List<PortalPage> PAGES = List.of(
        PortalPage.form("/portail/signature-mandat", "Signer le mandat de facturation", "",
                "mandate-signature", "/api/mandates/signature", "")
                .withUrlFields("token=jeton", "/api/mandates/signature")
                .withResult("mandate-signed"),
        new PortalPage("/portail/structure", "Prérequis de votre structure",
                "Avant votre premier mémoire, votre structure doit remplir ces prérequis ; seul son gestionnaire principal peut les remplir.",
                "", "LOAD", "/api/structures/{structure}/prerequisites", "prerequisites", "", "", ""),
        PortalPage.form("/portail/coordonnees-bancaires", "Coordonnées bancaires", "",
                "bank-account", "/api/structures/{structure}/bank-accounts", "").withResult("bank-account-added")
                .multipart("bankAccount"),
        PortalPage.form("/portail/mandats", "Mandat de facturation", "",
                "mandate-generation", "/api/structures/{structure}/mandates", "").withResult("mandate-generated"),
        new PortalPage("/portail/structure-parametres", "Paramètres de la structure", "", "structure-settings",
                "PATCH", "/api/structures/{structure}", "structure-saved", "", "", "/api/structures/{structure}"),
        new PortalPage("/portail/rattachements", "Demandes de rattachement",
                "Les personnes qui demandent à rejoindre votre structure : acceptez ou refusez ; elles en sont prévenues par courriel.",
                "", "LOAD", "/api/structures/{structure}/membership-requests", "membership-requests", "", "", ""));

    private StructurePages() {
    }
}
