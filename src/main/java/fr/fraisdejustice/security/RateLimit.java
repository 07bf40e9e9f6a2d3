package fr.fraisdejustice.security;

/** The limits, each with what a refused person is told (followed by when to try again). */
enum RateLimit {
    ANONYMOUS_READS("Trop de demandes depuis votre adresse IP."),
    ANONYMOUS_STEPS("Trop de demandes depuis votre adresse IP."),
    LOGIN_PER_ADDRESS("Trop de tentatives de connexion depuis votre adresse IP."),
    LOGIN_PER_ACCOUNT("Trop de tentatives de connexion à ce compte."),
    STEPS_PER_EMAIL("Trop de demandes pour cette adresse électronique."),
    ACCOUNT_CREATION_PER_EMAIL("Trop de demandes de création de compte pour cette adresse électronique.");

    private final String reason;

    RateLimit(String reason) {
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    RateLimitProperties.Limit settings(RateLimitProperties properties) {
        return switch (this) {
            case ANONYMOUS_READS -> properties.anonymousReads();
            case ANONYMOUS_STEPS -> properties.anonymousSteps();
            case LOGIN_PER_ADDRESS -> properties.loginPerAddress();
            case LOGIN_PER_ACCOUNT -> properties.loginPerAccount();
            case STEPS_PER_EMAIL -> properties.stepsPerEmail();
            case ACCOUNT_CREATION_PER_EMAIL -> properties.accountCreationPerEmail();
        };
    }
}
