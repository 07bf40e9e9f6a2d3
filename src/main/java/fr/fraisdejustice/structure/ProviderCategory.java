package fr.fraisdejustice.structure;

/**
 * The catégories de prestataire of the CPP (art. R.92 and the articles that set each one's fees), with the article
 * a mémoire of the category cites as its texte de référence.
 */
public enum ProviderCategory {
    INTERPRETE_TRADUCTEUR("Interprète ou traducteur", "R.122"),
    EXPERT("Expert", "R.106"),
    MEDECIN("Médecin", "R.117"),
    PSYCHOLOGUE("Psychologue", "R.117"),
    ENQUETEUR_SOCIAL("Enquêteur social ou de personnalité", "R.121"),
    DELEGUE_MEDIATEUR_PROCUREUR("Délégué ou médiateur du procureur", "R.122-1"),
    ADMINISTRATEUR_AD_HOC("Administrateur ad hoc", "R.216"),
    LABORATOIRE("Laboratoire d'analyses", "R.118"),
    GARDIENNAGE_FOURRIERE("Garagiste, gardiennage ou fourrière", "R.147"),
    OPERATEUR_TELECOM("Opérateur de communications électroniques", "R.213-1"),
    AUTRE("Autre prestataire", "R.92");

    private final String label;
    private final String referenceText;

    ProviderCategory(String label, String referenceText) {
        this.label = label;
        this.referenceText = referenceText;
    }

    public String label() {
        return label;
    }

    public String referenceText() {
        return referenceText;
    }
}
