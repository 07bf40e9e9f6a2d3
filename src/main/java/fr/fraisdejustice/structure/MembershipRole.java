package fr.fraisdejustice.structure;

public enum MembershipRole {
    /** Gestionnaire principal: the one who sets the structure up and approves the others. */
    PRINCIPAL_MANAGER,
    MANAGER,
    USER
}
