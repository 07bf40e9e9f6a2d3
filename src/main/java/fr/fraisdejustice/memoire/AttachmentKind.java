package fr.fraisdejustice.memoire;

public enum AttachmentKind {
    REQUISITION,
    ATTESTATION_MISSION,
    BORDEREAU_FRAIS,
    RIB,
    AUTRE
}
