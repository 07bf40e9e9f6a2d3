package fr.fraisdejustice.mandate;

public enum MandateStatus {
    PENDING_SIGNATURE,
    ACTIVE,
    REVOQUE,
    EXPIRED
}
