package fr.fraisdejustice.memoire;

/** The nature of a pièce jointe, with the label forms/memoire-attachment.form offers for it. */
public enum AttachmentKind {
    REQUISITION("Réquisition"),
    ATTESTATION_MISSION("Attestation de mission"),
    BORDEREAU_FRAIS("Bordereau de frais"),
    RIB("Relevé d'identité bancaire"),
    AUTRE("Autre pièce");

    private final String label;

    AttachmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
