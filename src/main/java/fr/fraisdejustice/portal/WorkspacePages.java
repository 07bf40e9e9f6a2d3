package fr.fraisdejustice.portal;

import java.util.List;

/** Portal pages of the workspace: jurisdictions, Synthèse, Rechercher, Archives, Tableau de bord, Liste fiscale, Dépôt flux. */
final class WorkspacePages {

    static final List<PortalPage> PAGES = List.of(
        PortalPage.search("/portail/juridictions", "Rechercher une juridiction",
                "Les cours d'appel et les tribunaux judiciaires auxquels adresser vos mémoires.",
                "jurisdiction-lookup", "/api/jurisdictions", "jurisdictions"),
        new PortalPage("/portail/synthese", "Synthèse", "Les mémoires qui attendent une action de votre part.", "",
                "LOAD", "/api/memoires/summary", "summary", "", "", ""),
        PortalPage.search("/portail/recherche", "Rechercher", "Les mémoires de vos structures, hors archives.",
                "memoire-search", "/api/memoires", "memoires").withUrlFields("structure=structure", ""),
        PortalPage.search("/portail/archives", "Archives", "Les mémoires sans changement depuis plus de deux ans, en lecture seule.",
                "memoire-search", "/api/archives", "memoires").withUrlFields("structure=structure", ""),
        new PortalPage("/portail/tableau-de-bord", "Tableau de bord", "Vos mémoires par statut et par structure.", "",
                "LOAD", "/api/dashboard", "dashboard", "", "", ""),
        PortalPage.search("/portail/liste-fiscale", "Liste fiscale",
                "Les mémoires mis en paiement sur une période d'un an au plus.", "fiscal-list", "/api/fiscal-list", "fiscal-list"),
        PortalPage.form("/portail/depot-flux", "Dépôt flux", "Déposez de nombreux mémoires en un seul fichier.",
                "bulk-upload", "/api/bulk-uploads", "/portail/depot-flux-compte-rendu?depot={uploadId}").multipart("@fields"),
        new PortalPage("/portail/depot-flux-compte-rendu", "Compte rendu du dépôt flux", "", "", "LOAD",
                "/api/bulk-uploads/{depot}", "bulk-report", "", "", ""));

    private WorkspacePages() {
    }
}
