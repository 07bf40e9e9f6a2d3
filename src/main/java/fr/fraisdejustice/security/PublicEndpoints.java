package fr.fraisdejustice.security;

/** What anyone may reach without logging in. Everything else under /api and the portal needs an account. */
final class PublicEndpoints {

    /**
     * Portal pages, their assets and documentation (GET only). A portal page is a shell holding no data: what it shows
     * comes from /api, which checks who asks, and the page tells an anonymous visitor to log in.
     */
    static final String[] PAGES = {
            "/", "/index.html", "/favicon.ico", "/error", "/camunda-welcome",
            "/assets/**", "/portail/**",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            // issue #19: the analysts' page, a shell like the portal's (its data comes from /api/models, staff only)
            "/analyse",
    };

    /** Reference data and the other endpoints API.md marks (anon), GET. */
    static final String[] API_READS = {
            "/api/jurisdictions", "/api/jurisdictions/**", "/api/reference/**", "/api/accounts/activation",
            "/api/mandates/signature", "/api/password-reset",
    };

    /** The anonymous steps (POST): accounts, password reset, mandate signature, certificate check. No ambient credential, so no CSRF token. */
    static final String[] ANONYMOUS_STEPS = {
            "/api/accounts", "/api/accounts/activation", "/api/password-reset", "/api/password-reset/confirm",
            "/api/mandates/signature", "/api/certificates/verification", "/api/me/contact-email/confirmation",
            "/api/activation-help",
    };

    /** The portal's login: anonymous, but CSRF-protected against login CSRF. */
    static final String SESSION = "/api/session";

    private PublicEndpoints() {
    }
}
