package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * A browser caches Basic credentials and sends them with a form another site's page posts: a state change is accepted
 * with a CSRF token, or with Basic credentials and no Origin (a machine client) or our own Origin; otherwise 403.
 */
@IntegrationTest
class CrossSiteBasicRequestTest {

    static final String EVIL = "https://site-malveillant.example";

    @Autowired
    Providers providers;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aCrossSitePostWithBasicCredentialsIsRefusedOnTheApi() {
        Providers.Provider provider = providers.withOwnStructure();
        String mandate = "{\"label\": \"Mandat 2026\"}";
        String path = "/api/structures/" + provider.structureId() + "/mandates";

        var crossSite = http.json("POST", path, mandate, "Authorization", provider.basic(), "Origin", EVIL);
        var machine = http.json("POST", path, mandate, "Authorization", provider.basic());
        var sameSite = http.json("POST", path, "{\"label\": \"Mandat bis\"}", "Authorization", provider.basic(),
                "Origin", "http://localhost:" + port);

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(machine.statusCode()).isEqualTo(201);
        assertThat(sameSite.statusCode()).isEqualTo(201);
    }

    @Test
    void aCrossSitePostWithBasicCredentialsIsRefusedOnEngineRestAndTheStaffApi() {
        String admin = Http.basic("marc.leroy", "Admin-FDJ-2026");
        var engine = http.json("POST", "/engine-rest/message", "{\"messageName\": \"x\"}",
                "Authorization", admin, "Origin", EVIL);
        var staff = http.json("POST", "/api/support/activation-restarts", "{\"loginEmail\": \"x@example.fr\"}",
                "Authorization", Http.basic("thomas.petit", "Support-2026"), "Origin", EVIL);

        assertThat(engine.statusCode()).isEqualTo(403);
        assertThat(engine.body()).contains("CROSS_SITE_REQUEST");
        assertThat(staff.statusCode()).isEqualTo(403);
        assertThat(http.json("POST", "/engine-rest/message", "{\"messageName\": \"x\"}", "Authorization", admin)
                .statusCode()).as("a machine client goes through to the engine").isNotIn(401, 403);
    }
}
