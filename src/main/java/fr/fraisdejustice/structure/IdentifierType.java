package fr.fraisdejustice.structure;

/** How a structure is identified (Chorus Pro API codes). */
public enum IdentifierType {
    SIRET,
    UE_HORS_FRANCE,
    HORS_UE,
    RIDET,
    TAHITI,
    PARTICULIER,
    AUTRE
}
