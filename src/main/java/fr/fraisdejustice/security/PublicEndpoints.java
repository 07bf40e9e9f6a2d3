package fr.fraisdejustice.security;

/** What anyone may reach without logging in. Everything else under /api and the portal needs an account. */
final class PublicEndpoints {

    /** Portal pages, their assets and documentation (GET only). */
    static final String[] PAGES = {
            "/", "/index.html", "/favicon.ico", "/error",
            "/assets/**", "/portail/formulaires/**",
            "/portail/juridictions", "/portail/creer-un-compte", "/portail/activation", "/portail/connexion",
            "/portail/mot-de-passe-oublie", "/portail/nouveau-mot-de-passe", "/portail/compte", "/portail/signature-mandat",
            "/portail/structure", "/portail/coordonnees-bancaires", "/portail/mandats", "/portail/structure-parametres",
            "/portail/rattachements", "/portail/nouveau-memoire", "/portail/memoire",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
    };

    /** Reference data and the other endpoints API.md marks (anon), GET. */
    static final String[] API_READS = {
            "/api/jurisdictions", "/api/jurisdictions/**", "/api/reference/**", "/api/accounts/activation",
            "/api/mandates/signature",
    };

    /** The anonymous steps (POST): accounts, password reset, mandate signature, certificate check. No ambient credential, so no CSRF token. */
    static final String[] ANONYMOUS_STEPS = {
            "/api/accounts", "/api/accounts/activation", "/api/password-reset", "/api/password-reset/confirm",
            "/api/mandates/signature", "/api/certificates/verification",
    };

    /** The portal's login: anonymous, but CSRF-protected against login CSRF. */
    static final String SESSION = "/api/session";

    private PublicEndpoints() {
    }
}
