package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * The limiter in the running application: registered ahead of every authentication, and answering 429 on the one
 * limit the test profile leaves at its production value (three account creations per e-mail a day).
 */
@IntegrationTest
class RateLimitWiringTest {

    @Autowired
    @Qualifier("rateLimitFilter")
    FilterRegistrationBean<?> rateLimits;

    @Autowired
    @Qualifier("engineRestAuthentication")
    FilterRegistrationBean<?> engineRestAuthentication;

    @Autowired
    @Qualifier("securityFilterChainRegistration")
    DelegatingFilterProxyRegistrationBean springSecurity;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theLimiterRunsOnTheApiAndCamundasLoginsBeforeSpringSecurityAndTheEngineRestAuthentication() {
        assertThat(rateLimits.getUrlPatterns())
                .containsExactlyInAnyOrder("/api/*", "/engine-rest/*", "/camunda/api/admin/auth/user/*");
        assertThat(rateLimits.getOrder()).isLessThan(springSecurity.getOrder())
                .isLessThan(engineRestAuthentication.getOrder());
        assertThat(rateLimits.isEnabled()).isTrue();
    }

    @Test
    void theFourthAccountCreationForOneEmailWithinADayIsRefusedWithRetryAfter() throws Exception {
        String email = "plafond+" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        assertThat(create(email).statusCode()).isEqualTo(201);
        assertThat(create(email).statusCode()).isEqualTo(409);
        assertThat(create(email.toUpperCase()).statusCode()).isEqualTo(409);

        var refused = create(email);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 8 * 3600L));
        assertThat(refused.headers().firstValue("WWW-Authenticate")).isEmpty();
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(problem.get("title").asText()).isEqualTo("Trop de requêtes");
        assertThat(problem.get("detail").asText()).startsWith("Trop de demandes de création de compte pour cette "
                + "adresse électronique. Réessayez dans ");
    }

    @Test
    void aStaffMemberStillLogsIntoTheCamundaWebappThroughTheLimiter() throws Exception {
        // the limiter reads the form's user name before Camunda's login resource reads the form
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/app/tasklist/default/"))).build(),
                HttpResponse.BodyHandlers.discarding());
        String csrf = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();

        var login = browser.send(HttpRequest.newBuilder(URI.create(url("/camunda/api/admin/auth/user/default/login/tasklist")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=camille.martin&password="
                        + URLEncoder.encode("Greffe-Paris-2026", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.body()).contains("\"userId\":\"camille.martin\"");
    }

    private HttpResponse<String> create(String email) {
        return http.send(http.request("/api/accounts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"loginEmail": "%s", "lastName": "Bernard", "firstName": "Inès",
                         "structure": {"identifierType": "AUTRE", "identifier": "PLAFOND-%s", "name": "Traductions Bernard"},
                         "termsAccepted": true}
                        """.formatted(email, UUID.randomUUID().toString().substring(0, 8).toUpperCase()))));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
