package fr.fraisdejustice.portal;

import java.util.List;

/** Portal pages of entering a mémoire and following it. */
final class MemoirePages {

    static final List<PortalPage> PAGES = List.of(
        PortalPage.form("/portail/nouveau-memoire", "Saisir un mémoire", "Commencez par l'en-tête : vous ajouterez ensuite les lignes et les pièces.",
                "memoire-header", "/api/memoires", "/portail/memoire?numero={number}")
                .withUrlFields("structureId=structure", "")
                .withLookups("jurisdictions=/api/jurisdictions|code,bankAccounts=/api/structures/{structure}/bank-accounts|id,"
                        + "categories=/api/reference/provider-categories|code"),
        new PortalPage("/portail/memoire", "Mémoire", "", "", "LOAD", "/api/memoires/{numero}", "memoire", "", "", ""));

    private MemoirePages() {
    }
}
