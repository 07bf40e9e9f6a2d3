package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.shared.ProblemResponses;
import fr.fraisdejustice.support.Http;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;

/** The limiter on its own, with low limits and a clock the test moves: 429 past a limit, tokens back as time passes. */
class RateLimitFilterTest {

    /** Configured as the application's (problem details with their properties at the top level). */
    static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    static RateLimitProperties properties(boolean enabled) {
        return new RateLimitProperties(enabled,
                limit(5, Duration.ofMinutes(1)),
                limit(3, Duration.ofMinutes(1)),
                limit(3, Duration.ofMinutes(10)),
                limit(2, Duration.ofMinutes(10)),
                limit(2, Duration.ofHours(1)),
                limit(3, Duration.ofHours(24)),
                1000);
    }

    static RateLimitProperties.Limit limit(long capacity, Duration period) {
        return new RateLimitProperties.Limit(capacity, period);
    }

    final ManualTimeMeter time = new ManualTimeMeter();
    RateLimitFilter filter = filter(properties(true));
    /** What reached the application behind the filter: the body it read, or "" without one. */
    final List<String> reached = new ArrayList<>();

    RateLimitFilter filter(RateLimitProperties properties) {
        return new RateLimitFilter(properties, new RateLimitedRequests(JSON),
                new RateLimiter(properties, new InMemoryRateLimitBuckets(time, properties.maxKeys())),
                new ProblemResponses(JSON));
    }

    /** Sends the request through the filter to an application that answers {@code status}. */
    MockHttpServletResponse send(MockHttpServletRequest request, int status) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain application = (req, res) -> {
            reached.add(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            ((HttpServletResponse) res).setStatus(status);
        };
        try {
            filter.doFilter(request, response, application);
        } catch (IOException | jakarta.servlet.ServletException e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    static MockHttpServletRequest request(String method, String path, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        return request;
    }

    static MockHttpServletRequest json(String path, String address, String body) {
        MockHttpServletRequest request = request("POST", path, address);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    static MockHttpServletRequest basic(String method, String path, String address, String user) {
        MockHttpServletRequest request = request(method, path, address);
        request.addHeader("Authorization", Http.basic(user, "not-the-password"));
        return request;
    }

    static MockHttpServletRequest login(String address, String loginEmail) {
        return json("/api/session", address, "{\"loginEmail\":\"" + loginEmail + "\",\"password\":\"faux\"}");
    }

    static MockHttpServletRequest creation(String address, String loginEmail) {
        return json("/api/accounts", address, "{\"loginEmail\":\"" + loginEmail + "\",\"lastName\":\"Bernard\"}");
    }

    static JsonNode problem(MockHttpServletResponse response) throws IOException {
        return JSON.readTree(response.getContentAsByteArray());
    }

    @Test
    void anAddressPastItsLimitGetsA429ProblemInFrenchWithRetryAfter() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertThat(send(json("/api/mandates/signature", "203.0.113.7", "{}"), 200).getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse refused = send(json("/api/mandates/signature", "203.0.113.7", "{}"), 200);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(reached).as("a refused request never reaches the application").hasSize(3);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("20");
        assertThat(refused.getHeader("WWW-Authenticate")).isNull();
        JsonNode problem = problem(refused);
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(problem.get("title").asText()).isEqualTo("Trop de requêtes");
        assertThat(problem.get("detail").asText())
                .isEqualTo("Trop de demandes depuis votre adresse IP. Réessayez dans 20 secondes.");
    }

    @Test
    void withoutTheDatabaseThatKeepsTheBucketsALimitedRequestGetsA503ProblemInFrenchAndNeverReachesTheApplication()
            throws IOException {
        RateLimitBuckets unreachable = (key, configuration) -> {
            throw io.github.bucket4j.BucketExceptions.from(new java.sql.SQLException("Connection refused"));
        };
        filter = new RateLimitFilter(properties(true), new RateLimitedRequests(JSON),
                new RateLimiter(properties(true), unreachable), new ProblemResponses(JSON));

        MockHttpServletResponse response = send(login("203.0.113.7", "ines@example.fr"), 401);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(reached).isEmpty();
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        JsonNode problem = problem(response);
        assertThat(problem.get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(problem.get("detail").asText())
                .isEqualTo("Le service est momentanément indisponible. Réessayez dans quelques instants.");
        assertThat(send(request("GET", "/portail/connexion", "203.0.113.7"), 200).getStatus())
                .as("a request no limit counts needs no bucket").isEqualTo(200);
    }

    @Test
    void anotherAddressIsNotHeldBackByTheFirstOnesExcess() {
        for (int i = 0; i < 4; i++) {
            send(json("/api/certificates/verification", "203.0.113.7", "{}"), 200);
        }

        assertThat(send(json("/api/certificates/verification", "198.51.100.2", "{}"), 200).getStatus()).isEqualTo(200);
    }

    @Test
    void aRefusedAddressIsLetThroughAgainAsTimePasses() {
        for (int i = 0; i < 3; i++) {
            send(json("/api/password-reset/confirm", "203.0.113.7", "{}"), 200);
        }
        time.advance(Duration.ofSeconds(19));
        MockHttpServletResponse early = send(json("/api/password-reset/confirm", "203.0.113.7", "{}"), 200);
        assertThat(early.getStatus()).isEqualTo(429);
        assertThat(early.getHeader("Retry-After")).isEqualTo("1");

        time.advance(Duration.ofSeconds(1));

        assertThat(send(json("/api/password-reset/confirm", "203.0.113.7", "{}"), 200).getStatus()).isEqualTo(200);
        assertThat(send(json("/api/password-reset/confirm", "203.0.113.7", "{}"), 200).getStatus()).isEqualTo(429);
    }

    @Test
    void anonymousReadsHaveAnAllowanceOfTheirOwn() {
        for (int i = 0; i < 5; i++) {
            assertThat(send(request("GET", "/api/jurisdictions", "203.0.113.7"), 200).getStatus()).isEqualTo(200);
        }
        assertThat(send(request("GET", "/api/reference/provider-categories", "203.0.113.7"), 200).getStatus())
                .isEqualTo(429);

        assertThat(send(json("/api/accounts/activation", "203.0.113.7", "{}"), 200).getStatus()).isEqualTo(200);
    }

    @Test
    void failedLoginsToOneAccountAreLimitedFromWhateverAddress() throws IOException {
        assertThat(send(login("203.0.113.1", "ines@example.fr"), 401).getStatus()).isEqualTo(401);
        assertThat(send(login("203.0.113.2", "  Ines@Example.FR "), 401).getStatus()).isEqualTo(401);

        MockHttpServletResponse refused = send(login("203.0.113.3", "ines@example.fr"), 401);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("300");
        assertThat(problem(refused).get("detail").asText())
                .isEqualTo("Trop de tentatives de connexion à ce compte. Réessayez dans 5 minutes.");
        assertThat(send(login("203.0.113.3", "paul@example.fr"), 401).getStatus()).isEqualTo(401);
    }

    @Test
    void aLockedAccountStillCountsAsAFailedLogin() {
        send(login("203.0.113.1", "ines@example.fr"), 423);
        send(login("203.0.113.2", "ines@example.fr"), 423);

        assertThat(send(login("203.0.113.3", "ines@example.fr"), 423).getStatus()).isEqualTo(429);
    }

    @Test
    void successfulLoginsAreNotCountedSoAnApiClientMayCallWithHttpBasicAtWill() {
        for (int i = 0; i < 50; i++) {
            assertThat(send(basic("GET", "/api/memoires", "203.0.113.7", "ines@example.fr"), 200).getStatus())
                    .isEqualTo(200);
            assertThat(send(login("203.0.113.7", "paul@example.fr"), 204).getStatus()).isEqualTo(204);
        }
    }

    @Test
    void failedHttpBasicLoginsAreLimitedPerAddressWhateverTheAccount() throws IOException {
        for (String user : List.of("a@example.fr", "b@example.fr", "c@example.fr")) {
            assertThat(send(basic("GET", "/api/memoires", "203.0.113.7", user), 401).getStatus()).isEqualTo(401);
        }

        MockHttpServletResponse refused = send(basic("POST", "/api/tickets", "203.0.113.7", "d@example.fr"), 401);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("WWW-Authenticate")).isNull();
        assertThat(problem(refused).get("detail").asText())
                .startsWith("Trop de tentatives de connexion depuis votre adresse IP. Réessayez dans ");
        assertThat(send(basic("GET", "/api/memoires", "198.51.100.2", "d@example.fr"), 401).getStatus()).isEqualTo(401);
    }

    @Test
    void engineRestAndTheCamundaWebappLoginCountTheFailuresOfOneCamundaUserTogether() {
        assertThat(send(basic("GET", "/engine-rest/task", "203.0.113.1", "marc.leroy"), 401).getStatus()).isEqualTo(401);
        assertThat(send(camundaLogin("cockpit", "203.0.113.2", "username=marc.leroy&password=faux"), 401).getStatus())
                .isEqualTo(401);

        MockHttpServletResponse refused = send(camundaLogin("tasklist", "203.0.113.3", "password=x&username=Marc.Leroy"), 401);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(reached).as("Camunda's login resource reads the form itself").contains("username=marc.leroy&password=faux");
    }

    static MockHttpServletRequest camundaLogin(String app, String address, String form) {
        MockHttpServletRequest request = request("POST", "/camunda/api/admin/auth/user/default/login/" + app, address);
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(form.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    @Test
    void aRequestRefusedByOneLimitCostsItsOtherLimitsNothing() {
        send(login("203.0.113.1", "ines@example.fr"), 401);
        send(login("203.0.113.1", "ines@example.fr"), 401);
        for (int i = 0; i < 5; i++) {
            assertThat(send(login("203.0.113.9", "ines@example.fr"), 401).getStatus()).isEqualTo(429);
        }

        for (int i = 0; i < 3; i++) {
            assertThat(send(login("203.0.113.9", "paul" + i + "@example.fr"), 401).getStatus()).isEqualTo(401);
        }
    }

    @Test
    void accountCreationsPerEmailAreCappedButRefusedInputIsNotCounted() throws IOException {
        int address = 0;
        for (int i = 0; i < 5; i++) {
            assertThat(send(creation("203.0.113." + ++address, "ines@example.fr"), 400).getStatus()).isEqualTo(400);
        }
        assertThat(send(creation("203.0.113." + ++address, "ines@example.fr"), 201).getStatus()).isEqualTo(201);
        assertThat(send(creation("203.0.113." + ++address, "ines@example.fr"), 409).getStatus()).isEqualTo(409);
        assertThat(send(creation("203.0.113." + ++address, "INES@example.fr"), 409).getStatus()).isEqualTo(409);

        MockHttpServletResponse refused = send(creation("203.0.113." + ++address, "ines@example.fr"), 201);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("28800");
        assertThat(problem(refused).get("detail").asText()).isEqualTo("Trop de demandes de création de compte pour "
                + "cette adresse électronique. Réessayez dans 8 heures.");
        assertThat(send(creation("203.0.113." + ++address, "paul@example.fr"), 201).getStatus()).isEqualTo(201);
    }

    @Test
    void activationHelpPastTheAnonymousStepsLimitOfAnAddressIs429WithRetryAfter() throws IOException {
        for (int i = 1; i <= 3; i++) {
            assertThat(send(json("/api/activation-help", "203.0.113.9", "{\"loginEmail\":\"p" + i + "@example.fr\"}"), 202)
                    .getStatus()).isEqualTo(202);
        }

        MockHttpServletResponse refused = send(json("/api/activation-help", "203.0.113.9",
                "{\"loginEmail\":\"p4@example.fr\"}"), 202);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(problem(refused).get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(reached).hasSize(3);
    }

    @Test
    void passwordResetsAndActivationHelpAreLimitedPerLoginEmail() {
        send(json("/api/password-reset", "203.0.113.1", "{\"loginEmail\":\"ines@example.fr\"}"), 200);
        send(json("/api/activation-help", "203.0.113.2", "{\"loginEmail\":\"ines@example.fr\"}"), 202);

        assertThat(send(json("/api/password-reset", "203.0.113.3", "{\"loginEmail\":\"ines@example.fr\"}"), 200)
                .getStatus()).isEqualTo(429);
    }

    @Test
    void theBodyReadToFindItsTargetReachesTheApplicationWhole() {
        String small = "{\"loginEmail\":\"inès@example.fr\",\"password\":\"Mot-de-passe-2026\"}";
        String large = "{\"loginEmail\":\"ines@example.fr\",\"lastName\":\"" + "x".repeat(40_000) + "\"}";

        send(login("203.0.113.1", "ines@example.fr"), 401);
        send(json("/api/session", "203.0.113.1", small), 204);
        send(creation("203.0.113.1", "ines@example.fr"), 201);
        send(json("/api/accounts", "203.0.113.1", large), 201);

        assertThat(reached).hasSize(4);
        assertThat(reached.get(0)).isEqualTo("{\"loginEmail\":\"ines@example.fr\",\"password\":\"faux\"}");
        assertThat(reached.get(1)).isEqualTo(small);
        assertThat(reached.get(3)).isEqualTo(large);
    }

    @Test
    void anIpv6ClientCountsByItsSlash64Network() {
        for (String address : List.of("2001:db8:1:2::1", "2001:db8:1:2:ffff::9", "2001:db8:1:2:0:0:0:42")) {
            assertThat(send(json("/api/mandates/signature", address, "{}"), 200).getStatus()).isEqualTo(200);
        }

        assertThat(send(json("/api/mandates/signature", "2001:db8:1:2::abcd", "{}"), 200).getStatus()).isEqualTo(429);
        assertThat(send(json("/api/mandates/signature", "2001:db8:1:3::1", "{}"), 200).getStatus()).isEqualTo(200);
    }

    @Test
    void endpointsNeedingAnAccountAreNotCountedWithoutHttpBasic() {
        for (int i = 0; i < 20; i++) {
            assertThat(send(request("GET", "/api/memoires", "203.0.113.7"), 200).getStatus()).isEqualTo(200);
            assertThat(send(json("/api/memoires", "203.0.113.7", "{}"), 401).getStatus()).isEqualTo(401);
        }
    }

    @Test
    void theDisabledSwitchLetsEverythingThrough() {
        filter = filter(properties(false));

        for (int i = 0; i < 20; i++) {
            assertThat(send(creation("203.0.113.7", "ines@example.fr"), 201).getStatus()).isEqualTo(201);
            assertThat(send(login("203.0.113.7", "ines@example.fr"), 401).getStatus()).isEqualTo(401);
            assertThat(send(request("GET", "/api/jurisdictions", "203.0.113.7"), 200).getStatus()).isEqualTo(200);
        }
        assertThat(reached).hasSize(60);
    }
}
