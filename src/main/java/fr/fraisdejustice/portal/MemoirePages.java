package fr.fraisdejustice.portal;

import java.util.List;

/** Portal pages of entering a mémoire and following it, and of checking a certificat de dépôt. */
final class MemoirePages {

    static final List<PortalPage> PAGES = List.of(
        new PortalPage("/portail/saisir-memoire", "Saisir un mémoire",
                "Choisissez la structure qui émet le mémoire, puis remplissez son en-tête.", "", "LOAD", "/api/me",
                "memoire-start", "", "", ""),
        PortalPage.form("/portail/nouveau-memoire", "Saisir un mémoire", "Commencez par l'en-tête : vous ajouterez ensuite les lignes et les pièces.",
                "memoire-header", "/api/memoires", "/portail/memoire?numero={number}")
                .withUrlFields("structureId=structure", "")
                .withLookups("jurisdictions=/api/jurisdictions|code,bankAccounts=/api/structures/{structure}/bank-accounts|id,"
                        + "categories=/api/reference/provider-categories|code,services=/api/structures/{structure}/services|code"),
        new PortalPage("/portail/memoire", "Mémoire", "", "", "LOAD", "/api/memoires/{numero}", "memoire", "", "", ""),
        new PortalPage("/portail/verifier-un-certificat", "Vérifier un certificat de dépôt",
                "Toute personne qui reçoit un certificat de dépôt peut vérifier ici qu'il correspond au mémoire déposé, "
                        + "tel qu'il est enregistré.", "certificate-verification", "POST",
                "/api/certificates/verification", "certificate-verification", "", "", ""));

    private MemoirePages() {
    }
}
