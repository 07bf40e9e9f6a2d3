package fr.fraisdejustice.memoire;

/** Why a clerk or a magistrate refuses a mémoire: the list the certification form offers. */
enum RefusalReason {
    PIECES_MANQUANTES("Pièces justificatives manquantes ou illisibles"),
    PRESTATION_NON_REQUISE("Prestation sans réquisition de l'autorité judiciaire"),
    DOUBLON("Mémoire déjà présenté (doublon)"),
    MAUVAIS_DESTINATAIRE("Juridiction destinataire erronée"),
    MONTANTS_ERRONES("Montants ou tarifs erronés"),
    FORCLUSION("Forclusion : mémoire présenté plus d'un an après la fin de la mission (CPP art. 800)"),
    AUTRE("Autre motif (voir le commentaire)");

    private final String label;

    RefusalReason(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
