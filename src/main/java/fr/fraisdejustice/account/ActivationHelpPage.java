package fr.fraisdejustice.account;

/** Where the holder of an expired activation asks for a new link (the page of the portal, anonymous). */
final class ActivationHelpPage {

    static final String PATH = "/portail/activation-impossible";

    private ActivationHelpPage() {
    }
}
