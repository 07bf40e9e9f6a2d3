package fr.fraisdejustice.ticket;

/** DOMAIN.md's statuses of a support ticket, with the label the requester reads. */
enum TicketStatus {
    BROUILLON("Brouillon"),
    OUVERT("Ouvert"),
    EN_COURS("En cours"),
    ACTION_REQUISE("Action requise"),
    RESOLU("Résolu"),
    CLOTURE("Clôturé");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
