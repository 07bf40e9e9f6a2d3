package fr.fraisdejustice.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * The orchestrator's probes, public and telling nothing but UP or DOWN: readiness goes DOWN while the database or the
 * job executor is unhealthy (the node gets no traffic), liveness only when the process itself is stuck (a restart
 * would not bring a database back, and would restart every node at once). An unhealthy part is played by putting a
 * DOWN indicator in its place for the test, the real one back after.
 */
@IntegrationTest
class HealthProbesTest {

    @LocalServerPort
    int port;

    @Autowired
    HealthContributorRegistry contributors;

    Http http;
    HealthContributor realDatabase;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        realDatabase = contributors.getContributor("db");
    }

    @AfterEach
    void restore() {
        contributors.unregisterContributor("jobExecutor");
        contributors.unregisterContributor("db");
        contributors.registerContributor("db", realDatabase);
        contributors.unregisterContributor("threadDeadlocks");
        contributors.registerContributor("threadDeadlocks", new ThreadDeadlockHealthIndicator());
    }

    @Test
    void bothProbesAreUpAnonymouslyAndTellNothingMore() {
        for (String probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness"}) {
            var answer = http.get(probe);
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void aDatabaseOutageTakesTheNodeOutOfTrafficWithoutRestartingIt() {
        contributors.unregisterContributor("db");
        contributors.registerContributor("db", down());

        var readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void aStoppedJobExecutorTakesTheNodeOutOfTraffic() {
        // the test profile runs no job executor, hence no indicator of it: one that says DOWN stands for a stopped one
        contributors.registerContributor("jobExecutor", down());

        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void deadlockedThreadsMakeTheProcessFailItsLivenessProbe() {
        contributors.unregisterContributor("threadDeadlocks");
        contributors.registerContributor("threadDeadlocks", down());

        var liveness = http.get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(503);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"DOWN\"}");
    }

    @Test
    void theDeadlockIndicatorIsUpInAHealthyJvm() {
        assertThat(new ThreadDeadlockHealthIndicator().health().getStatus().getCode()).isEqualTo("UP");
    }

    private static HealthIndicator down() {
        return () -> Health.down().withDetail("raison", "simulée par le test").build();
    }
}
