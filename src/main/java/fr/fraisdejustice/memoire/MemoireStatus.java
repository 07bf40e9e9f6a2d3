package fr.fraisdejustice.memoire;

/** DOMAIN.md's statuses of a mémoire. */
public enum MemoireStatus {
    BROUILLON,
    DEPOSE,
    MIS_A_DISPOSITION,
    SUSPENDU,
    COMPLETE,
    CERTIFIE,
    TAXE,
    REFUSE,
    ABANDONNE,
    DUPLIQUE_POST_REFUS,
    MANDATE,
    MIS_EN_PAIEMENT
}
