package fr.fraisdejustice.portal;

import java.util.List;

/** Portal pages of the workspace: jurisdictions, Synthèse, Rechercher, Archives, Tableau de bord, Liste fiscale, Dépôt flux. */
final class WorkspacePages {

    static final List<PortalPage> PAGES = List.of(
        PortalPage.search("/portail/juridictions", "Rechercher une juridiction",
                "Les cours d'appel et les tribunaux judiciaires auxquels adresser vos mémoires.",
                "jurisdiction-lookup", "/api/jurisdictions", "jurisdictions"),
        new PortalPage("/portail/synthese", "Synthèse", "Les mémoires qui attendent une action de votre part.", "",
                "LOAD", "/api/memoires/summary?structureId={structureId}&page={page}&size={size}", "summary", "", "", ""),
        // the search pages mount memoire-search themselves: its selects take the account's structures and their services
        new PortalPage("/portail/recherche", "Rechercher", "Les mémoires de vos structures, hors archives.", "",
                "LOAD", "/api/me", "memoire-search", "", "", ""),
        new PortalPage("/portail/archives", "Archives", "Les mémoires sans changement depuis plus de deux ans, en lecture seule.",
                "", "LOAD", "/api/me", "memoire-search", "", "", ""),
        new PortalPage("/portail/tableau-de-bord", "Tableau de bord", "Vos mémoires par statut et par structure.", "",
                "LOAD", "/api/dashboard", "dashboard", "", "", ""),
        new PortalPage("/portail/liste-fiscale", "Liste fiscale",
                "Les mémoires mis en paiement sur une période d'un an au plus, d'une structure ou de toutes.", "", "LOAD",
                "/api/me", "fiscal-search", "", "", ""),
        PortalPage.form("/portail/depot-flux", "Dépôt flux", "Déposez de nombreux mémoires en un seul fichier.",
                "bulk-upload", "/api/bulk-uploads", "/portail/depot-flux-compte-rendu?depot={uploadId}").multipart("@fields"),
        new PortalPage("/portail/depot-flux-compte-rendu", "Compte rendu du dépôt flux", "", "", "LOAD",
                "/api/bulk-uploads/{depot}", "bulk-report", "", "", ""));

    private WorkspacePages() {
    }
}
