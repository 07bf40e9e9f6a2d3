package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** A browser is never sent a Basic challenge (Chromium would cover Tasklist's login with its own box); a machine client is. */
@IntegrationTest
class NoBrowserLoginBoxTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private java.net.http.HttpResponse<String> asBrowser(String path) {
        return http.send(http.request(path).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document"));
    }

    @Test
    void theCamundaWelcomeLinkLeadsToTheWelcomePageWithoutAChallenge() {
        var welcome = asBrowser("/camunda-welcome");
        assertThat(welcome.statusCode()).isEqualTo(302);
        assertThat(welcome.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/camunda/app/welcome/default/"));
        assertThat(welcome.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void theApiTheStaffApiAndEngineRestAnswerABrowser401WithoutChallenge() {
        for (String path : new String[] {"/api/me", "/api/staff/memoires/MJ0000000001/attachments/"
                + java.util.UUID.randomUUID(), "/engine-rest/task"}) {
            var response = asBrowser(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
        }
    }

    @Test
    void aMachineClientIsStillOfferedBasic() {
        assertThat(http.get("/api/me").headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(http.get("/engine-rest/task").headers().firstValue("WWW-Authenticate")).isPresent();
    }
}
