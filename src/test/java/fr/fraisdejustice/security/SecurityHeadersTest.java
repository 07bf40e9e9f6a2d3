package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** Portal pages and the API carry a content security policy, no referrer, nosniff; engine REST carries nosniff too. */
@IntegrationTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aPortalPageThatCarriesATokenInItsAddressLeaksItToNobody() {
        var page = http.get("/portail/nouveau-mot-de-passe?jeton=abc");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("only over https, in production").isEmpty();
    }

    @Test
    void engineRestAndTheApiSayNosniff() {
        assertThat(http.get("/engine-rest/task").headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(http.get("/api/jurisdictions").headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
}
