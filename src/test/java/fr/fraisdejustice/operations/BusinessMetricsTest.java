package fr.fraisdejustice.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.fraisdejustice.shared.StaffGroups;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.OfficeTaskProcess;
import fr.fraisdejustice.support.TestClock;

/**
 * /actuator/prometheus lists the business figures, read from the database, to the metriques group only: not to a plain
 * staff member, not to an administrator (the monitoring system never holds an administrator's password), not anonymously.
 */
@IntegrationTest
class BusinessMetricsTest {

    static final String PASSWORD = "Supervision-2026-Mot";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    @Autowired
    BusinessFigures figures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    Http http;
    OfficeTaskProcess process;
    final List<String> users = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = new Http(port);
        process = new OfficeTaskProcess(engine).deploy();
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        process.undeploy();
        users.forEach(identity::deleteUser);
    }

    @Test
    void theMetricsUserReadsEveryBusinessFigure() {
        String office = "greffe-METRIQUES" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        process.start("MJ-METRIQUES-1", office);
        process.start("MJ-METRIQUES-2", office);
        clock.advance(Duration.ofHours(2));
        figures.read();

        String scrape = scrape(user(StaffGroups.METRIQUES)).body();

        assertThat(scrape).contains("fdj_tasks_open{office=\"" + office + "\"} 2.0");
        assertThat(ageOfOldestTask(scrape, office)).isBetween(7200.0, 7300.0);
        BusinessFigures.Snapshot read = figures.current();
        assertThat(scrape).contains("fdj_outbox_backlog " + read.outboxBacklog() + ".0",
                "fdj_jobs_due " + read.dueJobs() + ".0", "fdj_jobs_failed " + read.failedJobs() + ".0",
                "fdj_incidents_open{type=\"failedJob\"}", "fdj_incidents_open{type=\"failedExternalTask\"}");
        read.memoiresByStatus().forEach((status, count) ->
                assertThat(scrape).contains("fdj_memoires{status=\"" + status + "\"} " + count + ".0"));
        assertThat(read.memoiresByStatus()).isEqualTo(countsByStatus());
        // and the engine's own: the job executor, the connection pool, the JVM
        assertThat(scrape).contains("hikaricp_connections_active", "jvm_memory_used_bytes");
    }

    @Test
    void aTaskCompletedLeavesItsOfficeAtZero() {
        String office = "greffe-METRIQUES" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var instance = process.start("MJ-METRIQUES-3", office);
        figures.read();
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
                .processInstanceId(instance.getId()).singleResult().getId());
        figures.read();

        String scrape = scrape(user(StaffGroups.METRIQUES)).body();

        assertThat(scrape).contains("fdj_tasks_open{office=\"" + office + "\"} 0.0",
                "fdj_tasks_oldest_age_seconds{office=\"" + office + "\"} 0.0");
    }

    @Test
    void aScrapeWithinTheCacheDurationReadsNothingAgain() {
        BusinessFigures.Snapshot first = figures.read();
        assertThat(figures.current()).isSameAs(first);
    }

    @Test
    void aPlainStaffMemberIsRefused() {
        var refused = scrape(user(StaffGroups.greffe("TJ75101")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void anAdministratorWithoutTheMetricsGroupIsRefused() {
        assertThat(scrape(user(Groups.CAMUNDA_ADMIN)).statusCode()).isEqualTo(403);
    }

    @Test
    void anonymousOrWrongCredentialsAreRefused() {
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        String metrics = user(StaffGroups.METRIQUES);
        assertThat(http.send(http.request("/actuator/prometheus")
                .header("Authorization", Http.basic(metrics, "pas-le-bon"))).statusCode()).isEqualTo(401);
    }

    @Test
    void theOtherActuatorEndpointsKeepTheirGuards() {
        String metrics = user(StaffGroups.METRIQUES);
        assertThat(http.send(http.request("/actuator/metrics").header("Authorization", Http.basic(metrics, PASSWORD)))
                .statusCode()).isEqualTo(403);
        assertThat(http.send(http.request("/actuator/metrics").header("Authorization", Http.basic(user(Groups.CAMUNDA_ADMIN),
                PASSWORD))).statusCode()).isEqualTo(200);
    }

    private java.net.http.HttpResponse<String> scrape(String user) {
        return http.send(http.request("/actuator/prometheus").header("Authorization", Http.basic(user, PASSWORD)));
    }

    private static double ageOfOldestTask(String scrape, String office) {
        String prefix = "fdj_tasks_oldest_age_seconds{office=\"" + office + "\"} ";
        return scrape.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()))).findFirst().orElse(-1);
    }

    private java.util.Map<String, Long> countsByStatus() {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.query("select status, count(*) from memoire group by status order by status",
                row -> {
                    counts.put(row.getString(1), row.getLong(2));
                });
        return counts;
    }

    private String user(String group) {
        String id = "metriques." + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setFirstName("Test");
        user.setLastName("Métriques");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, group);
        users.add(id);
        return id;
    }
}
