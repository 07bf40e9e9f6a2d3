package fr.fraisdejustice.memoire;

/** DOMAIN.md's statuses of a mémoire, with the label the provider reads. */
public enum MemoireStatus {
    BROUILLON("Brouillon"),
    DEPOSE("Envoyé"),
    MIS_A_DISPOSITION("Mis à disposition"),
    SUSPENDU("Suspendu"),
    COMPLETE("Complété"),
    CERTIFIE("Certifié"),
    TAXE("Taxé"),
    REFUSE("Refusé"),
    ABANDONNE("Abandonné"),
    DUPLIQUE_POST_REFUS("Dupliqué post refus"),
    MANDATE("Mandaté"),
    MIS_EN_PAIEMENT("Mis en paiement");

    private final String label;

    MemoireStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
