package fr.fraisdejustice.account;

public enum AccountStatus {
    PENDING_ACTIVATION,
    ACTIVATION_EXPIRED,
    ACTIVE
}
