package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** The engine REST API is never open: every call is a Camunda user, whose authorizations apply. */
@IntegrationTest
class EngineRestSecurityTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anonymousCallsAreRefused() {
        assertThat(http.get("/engine-rest/deployment").statusCode()).isEqualTo(401);
        assertThat(http.get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(http.get("/engine-rest/user").statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefused() {
        // not a user the other tests log in as: Camunda throttles a user's logins after a failure
        var response = http.send(http.request("/engine-rest/deployment")
                .header("Authorization", Http.basic("thomas.petit", "not-the-password")));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void anAdministratorSeesTheDeploymentsAndAClerkDoesNot() {
        var admin = http.send(http.request("/engine-rest/deployment")
                .header("Authorization", Http.basic("marc.leroy", "Admin-FDJ-2026")));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"name\":\"frais-de-justice\"");

        var clerk = http.send(http.request("/engine-rest/deployment")
                .header("Authorization", Http.basic("camille.martin", "Greffe-Paris-2026")));
        assertThat(clerk.statusCode()).isEqualTo(200);
        assertThat(clerk.body()).isEqualTo("[]");
    }
}
