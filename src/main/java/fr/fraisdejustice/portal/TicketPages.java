package fr.fraisdejustice.portal;

import java.util.List;

/** Portal pages of support tickets (sollicitations). */
final class TicketPages {

    static final List<PortalPage> PAGES = List.of(
        new PortalPage("/portail/sollicitations", "Sollicitations", "", "", "LOAD", "/api/tickets?view={vue}&q={q}&number={number}&status={statut}", "tickets", "", "", ""),
        new PortalPage("/portail/nouvelle-sollicitation", "Nouvelle sollicitation",
                "Votre demande va au support national, ou au service qui traite le mémoire concerné.", "", "LOAD",
                "/api/me", "ticket-new", "", "", ""),
        new PortalPage("/portail/sollicitation", "Sollicitation", "", "", "LOAD", "/api/tickets/{numero}", "ticket", "", "", ""));

    private TicketPages() {
    }
}
