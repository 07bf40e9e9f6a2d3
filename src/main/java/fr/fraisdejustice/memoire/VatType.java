package fr.fraisdejustice.memoire;

public enum VatType {
    TVA_SUR_DEBIT,
    TVA_SUR_ENCAISSEMENT,
    EXONERATION
}
