package fr.fraisdejustice.jurisdiction;

public enum JurisdictionType {
    COUR_APPEL,
    TRIBUNAL_JUDICIAIRE
}
