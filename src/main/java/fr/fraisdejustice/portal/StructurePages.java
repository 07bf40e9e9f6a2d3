package fr.fraisdejustice.portal;

import java.util.List;

/**
 * Portal pages of a structure: « Mes structures », the fiche structure (settings, services, members, bank details,
 * mandates, prerequisites in one place), creating or joining a structure, and the forms its actions open.
 */
final class StructurePages {

    static final List<PortalPage> PAGES = List.of(
        new PortalPage("/portail/structures", "Mes structures",
                "Les structures pour lesquelles vous agissez, et vos demandes de rattachement en attente.",
                "", "LOAD", "/api/structures", "my-structures", "", "", ""),
        new PortalPage("/portail/fiche-structure", "Fiche structure", "",
                "", "LOAD", "/api/structures/{structure}", "structure-sheet", "", "", ""),
        new PortalPage("/portail/creer-une-structure", "Créer une structure",
                "Créez une autre structure rattachée à votre compte, par exemple pour reprendre votre activité sous un "
                        + "identifiant conforme.",
                "", "LOAD", "/api/structures", "structure-creation", "", "", ""),
        new PortalPage("/portail/rejoindre-une-structure", "Rejoindre une structure",
                "Demandez à être rattaché à une structure existante : son gestionnaire principal accepte ou refuse votre "
                        + "demande, et vous en êtes prévenu par courriel.",
                "", "LOAD", "/api/structures", "structure-joining", "", "", ""),
        PortalPage.form("/portail/signature-mandat", "Signer le mandat de facturation",
                "Lisez le mandat ci-dessous (ou sa version PDF) avant de le signer.",
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
