package fr.fraisdejustice.memoire;

public enum VatType {
    TVA_SUR_DEBIT("TVA sur les débits"),
    TVA_SUR_ENCAISSEMENT("TVA sur les encaissements"),
    EXONERATION("Exonération");

    private final String label;

    VatType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
