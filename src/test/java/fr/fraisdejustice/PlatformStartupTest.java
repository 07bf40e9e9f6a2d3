package fr.fraisdejustice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** The run command's promise: one process serves the portal, Camunda, the mailbox and the API docs on PostgreSQL. */
@IntegrationTest
class PlatformStartupTest {

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void engineAndApplicationTablesLiveInTheEmbeddedPostgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class);
        assertThat(tables).contains("act_ru_task", "act_re_deployment", "act_ru_job", "act_id_user", "act_hi_procinst",
                "act_re_decision_def", "jurisdiction", "departement", "flyway_schema_history");
    }

    @Test
    void servesThePortalTheCamundaWelcomePageTheMailboxAndTheApiDocs() {
        assertThat(http.get("/").body()).contains("Portail des prestataires");
        assertThat(http.get("/camunda/app/welcome/default/").statusCode()).isEqualTo(200);
        assertThat(http.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(http.get("/dev/mailbox").body()).contains("Boîte aux lettres de développement");
        var apiDocs = http.get("/v3/api-docs");
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).contains("/api/jurisdictions");
        assertThat(http.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsPublicAndTheRestOfActuatorIsNot() {
        var health = http.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        assertThat(http.get("/actuator/metrics").statusCode()).isEqualTo(401);
        assertThat(http.send(http.request("/actuator/metrics")
                .header("Authorization", Http.basic("camille.martin", "Greffe-Paris-2026"))).statusCode()).isEqualTo(403);
        assertThat(http.send(http.request("/actuator/metrics")
                .header("Authorization", Http.basic("marc.leroy", "Admin-FDJ-2026"))).statusCode()).isEqualTo(200);
    }
}
