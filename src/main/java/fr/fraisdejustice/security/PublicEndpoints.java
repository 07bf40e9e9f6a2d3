package fr.fraisdejustice.security;

/** What anyone may reach without logging in. Everything else under /api and the portal needs an account. */
final class PublicEndpoints {

    /** Portal pages, their assets and documentation (GET only). */
    static final String[] PAGES = {
            "/", "/index.html", "/favicon.ico", "/error",
            "/assets/**", "/portail/formulaires/**",
            "/portail/juridictions",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
    };

    /** Reference data and the other endpoints API.md marks (anon), GET. */
    static final String[] API_READS = {
            "/api/jurisdictions", "/api/jurisdictions/**",
    };

    private PublicEndpoints() {
    }
}
