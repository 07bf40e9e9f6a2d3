package fr.fraisdejustice.structure;

/** How a structure is identified (Chorus Pro API codes), with the short label the staff read. */
public enum IdentifierType {
    SIRET("SIRET"),
    UE_HORS_FRANCE("n° Union européenne hors France"),
    HORS_UE("n° hors Union européenne"),
    RIDET("RIDET"),
    TAHITI("n° Tahiti"),
    PARTICULIER("particulier"),
    AUTRE("en cours d'immatriculation");

    private final String label;

    IdentifierType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
