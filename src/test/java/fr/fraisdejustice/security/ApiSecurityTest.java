package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** Spring Security's side: /api needs an account except for the marked public reads; sessions need their CSRF token. */
@IntegrationTest
class ApiSecurityTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anonymousCallsToTheApiGetAProblemAndAnHttpBasicChallenge() {
        var response = http.get("/api/memoires");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
        assertThat(response.body()).contains("\"code\":\"AUTHENTICATION_REQUIRED\"").contains("Identifiez-vous");
    }

    @Test
    void thePortalsOwnCallsAreNotChallengedSoNoBrowserLoginBoxOpens() {
        var response = http.send(http.request("/api/memoires").header("X-Requested-With", "XMLHttpRequest"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void unknownCredentialsAreRefused() {
        var response = http.send(http.request("/api/memoires")
                .header("Authorization", Http.basic("personne@example.fr", "Mot-de-passe-2026")));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aChangeWithoutItsCsrfTokenIsRefused() {
        var response = http.send(http.request("/api/memoires")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"code\":\"CSRF_TOKEN_INVALID\"").contains("rechargez");
    }

    @Test
    void everyPortalPageHandsOutTheCsrfCookie() {
        var page = http.get("/portail/juridictions");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/portail/synthese", "/portail/recherche", "/portail/memoire",
            "/portail/sollicitations", "/portail/depot-flux", "/portail/liste-fiscale"})
    void aPortalPageIsAShellServedToAnyoneWhileItsDataNeedsAnAccount(String path) {
        var page = http.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(http.get("/api/memoires/summary").statusCode()).isEqualTo(401);
        assertThat(http.get("/portail/inconnue").statusCode()).isEqualTo(404);
    }

    @Test
    void publicReferenceDataNeedsNoAccount() {
        assertThat(http.get("/api/jurisdictions").statusCode()).isEqualTo(200);
    }
}
