package fr.fraisdejustice.operations;

import static fr.fraisdejustice.support.PackagedApplication.env;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.fraisdejustice.database.EmbeddedPostgresServer;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.PackagedApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;

/**
 * The packaged jar started the way the README tells an operator to, against a PostgreSQL and an SMTP server it reaches by
 * address (both started here as outside servers), and the development run with one real part replacing its embedded
 * default. Prints the production start time and resident memory.
 */
class ProductionStartIT {

    static final Duration START = Duration.ofMinutes(3);
    static final String PUBLIC_URL = "https://frais-de-justice.test";
    static final String ADMIN = "admin.fdj";
    static final String ADMIN_PASSWORD = "Premier-Admin-2026!";

    static EmbeddedPostgres postgres;
    static GreenMail smtp;

    @BeforeAll
    static void outsideServers() {
        postgres = EmbeddedPostgresServer.start("");
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        smtp.stop();
        postgres.close();
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void productionStartsOnAnEmptyDatabaseMailsThroughTheRealServerAndRestartsWithoutRevertingALiveChange() throws Exception {
        String database = newDatabase();
        Map<String, String> production = production(database);
        production.put("FDJ_ADMIN_USER", ADMIN);
        production.put("FDJ_ADMIN_PASSWORD", ADMIN_PASSWORD);

        long deployments;
        try (PackagedApplication app = PackagedApplication.start("prod-first", production, List.of())) {
            long begin = System.nanoTime();
            app.awaitHealthy(START);
            double waited = (System.nanoTime() - begin) / 1e9;
            System.out.printf("Démarrage en production (base vide) : %.1f s annoncées par Spring Boot, %.1f s jusqu'à "
                    + "/actuator/health UP, mémoire résidente %d Mio%n", app.reportedStartSeconds(), waited,
                    app.residentMemoryMiB());
            Http http = app.http();

            assertThat(http.get("/dev/mailbox").statusCode()).isEqualTo(404);
            assertThat(http.get("/dev/mailbox/messages").statusCode()).isEqualTo(404);
            assertThat(users(database)).containsExactly(ADMIN);
            var setup = http.json("POST", "/camunda/api/admin/setup/default/user/create",
                    "{\"profile\":{\"id\":\"intrus\"},\"credentials\":{\"password\":\"Intrus-2026-Mot\"}}");
            assertThat(setup.statusCode()).as("Camunda's first-administrator setup is closed").isEqualTo(404);
            assertThat(users(database)).containsExactly(ADMIN);
            // behind the TLS proxy (here on loopback, a trusted internal proxy): secure cookies and HSTS
            var behindProxy = http.send(http.request("/portail/connexion").header("X-Forwarded-Proto", "https"));
            assertThat(behindProxy.headers().firstValue("Strict-Transport-Security")).isPresent();
            assertThat(behindProxy.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                    assertThat(cookie).startsWith("XSRF-TOKEN=").contains("Secure"));
            assertThat(http.send(http.request("/engine-rest/user").header("Authorization",
                    Http.basic(ADMIN, ADMIN_PASSWORD))).statusCode()).isEqualTo(200);

            String login = "ines." + UUID.randomUUID().toString().substring(0, 8) + "@cabinet.example.fr";
            var created = http.send(http.request("/api/accounts").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(accountCreation(login))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            assertThat(smtp.waitForIncomingEmail(60_000, 1)).as("le courriel d'activation arrive au serveur SMTP").isTrue();
            MimeMessage activation = smtp.getReceivedMessages()[0];
            assertThat(activation.getAllRecipients()[0].toString()).isEqualTo(login);
            assertThat(Mailbox.body(activation)).contains(PUBLIC_URL + "/portail/activation?jeton=");
            assertThat(count(database, "select count(*) from act_re_deployment")).isPositive();

            // an analyst's live change (here the first administrator's), which the restart must not revert
            var lowered = loweredThreshold();
            var live = http.send(http.request("/api/models/deployments").header("Authorization", Http.basic(ADMIN, ADMIN_PASSWORD))
                    .header("Content-Type", lowered.contentType()).POST(lowered.publisher()));
            assertThat(live.statusCode()).as(live.body()).isEqualTo(201);
            System.out.println("Changement en service (seuil 1 200 €) : " + live.body());
            deployments = count(database, "select count(*) from act_re_deployment");
        }

        try (PackagedApplication again = PackagedApplication.start("prod-again", production, List.of())) {
            again.awaitHealthy(START);
            System.out.printf("Redémarrage en production : %.1f s, mémoire résidente %d Mio%n",
                    again.reportedStartSeconds(), again.residentMemoryMiB());
            assertThat(count(database, "select count(*) from act_re_deployment")).isEqualTo(deployments);
            assertThat(users(database)).containsExactly(ADMIN);
            var table = again.http().send(again.http().request("/api/models/resources?name=dmn/memoire-routing.dmn")
                    .header("Authorization", Http.basic(ADMIN, ADMIN_PASSWORD)));
            assertThat(table.body()).as("la table en service après le redémarrage").contains("&lt; 1200")
                    .doesNotContain("&lt; 1500");
            assertThat(count(database, "select count(*) from act_re_decision_def d join act_ge_bytearray b"
                    + " on b.deployment_id_ = d.deployment_id_ and b.name_ = d.resource_name_"
                    + " where d.key_ = 'memoire-track' and d.version_ = (select max(version_) from act_re_decision_def"
                    + " where key_ = 'memoire-track') and position('&lt; 1200' in convert_from(b.bytes_, 'UTF8')) > 0"))
                    .as("the latest memoire-track is the live change").isEqualTo(1);
        }
    }

    /** The memoire-routing threshold lowered from 1 500 € to 1 200 €, with its test cases brought along. */
    private static fr.fraisdejustice.support.Multipart loweredThreshold() throws java.io.IOException {
        java.nio.file.Path dmn = java.nio.file.Path.of("dmn");
        String table = java.nio.file.Files.readString(dmn.resolve("memoire-routing.dmn"))
                .replace("&lt; 1500", "&lt; 1200").replace("&gt;= 1500", "&gt;= 1200");
        String track = java.nio.file.Files.readString(dmn.resolve("tests/memoire-track.csv"))
                .replace("1499.99;CERTIFICATION", "1199.99;CERTIFICATION").replace("1500.00;TAXATION", "1200.00;TAXATION");
        String routing = java.nio.file.Files.readString(dmn.resolve("tests/memoire-routing.csv"))
                .replace("1300;false;false;TJ75101;CA_PARIS;CERTIFICATION", "1300;false;false;TJ75101;CA_PARIS;TAXATION");
        return new fr.fraisdejustice.support.Multipart()
                .file("files", "memoire-routing.dmn", "application/xml", table.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .file("files", "memoire-track.csv", "text/csv", track.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .file("files", "memoire-routing.csv", "text/csv", routing.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .text("reason", "Seuil de taxation abaissé à 1 200 €");
    }

    @Test
    void productionWithoutItsSettingsStopsAndNamesEachMissingSetting() {
        try (PackagedApplication app = PackagedApplication.start("prod-unset", env("SPRING_PROFILES_ACTIVE", "prod",
                "FDJ_PUBLIC_URL", "http://frais-de-justice.test"), List.of())) {
            assertThat(app.awaitExit(START)).isNotZero();
            assertThat(app.output()).contains("SPRING_DATASOURCE_URL", "SPRING_MAIL_HOST", "FDJ_PUBLIC_URL",
                    "valeur refusée : http://frais-de-justice.test");
        }
    }

    @Test
    void productionOnADatabaseWithoutAdministratorNeedsAStrongFirstAdministrator() throws Exception {
        Map<String, String> production = production(newDatabase());
        production.put("FDJ_ADMIN_PASSWORD", "motdepasse");
        try (PackagedApplication app = PackagedApplication.start("prod-no-admin", production, List.of())) {
            assertThat(app.awaitExit(START)).isNotZero();
            assertThat(app.output()).contains("FDJ_ADMIN_USER", "FDJ_ADMIN_PASSWORD", "mot de passe trop faible");
        }
    }

    @Test
    void aDevelopmentRunWithARealMailServerKeepsItsEmbeddedDatabaseAndDevelopmentUsersButHasNoMailbox() throws Exception {
        try (PackagedApplication app = PackagedApplication.start("dev-mail-host", env(
                "SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort())),
                List.of("--fdj.embedded-postgres.data-directory="))) {
            app.awaitHealthy(START);
            Http http = app.http();
            assertThat(http.get("/dev/mailbox").statusCode()).isEqualTo(404);
            assertThat(http.send(http.request("/engine-rest/user").header("Authorization",
                    Http.basic("camille.martin", "Greffe-Paris-2026"))).statusCode()).isEqualTo(200);

            String login = "dev." + UUID.randomUUID().toString().substring(0, 8) + "@cabinet.example.fr";
            assertThat(http.send(http.request("/api/accounts").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(accountCreation(login)))).statusCode()).isEqualTo(201);
            assertThat(smtp.waitForIncomingEmail(60_000, 1)).isTrue();
            assertThat(Mailbox.body(smtp.getReceivedMessages()[0]))
                    .contains("http://localhost:" + app.port() + "/portail/activation?jeton=");
        }
    }

    @Test
    void aDevelopmentRunOnAnOutsideDatabaseKeepsItsMailboxButSeedsNoDevelopmentUser() throws Exception {
        String database = newDatabase();
        try (PackagedApplication app = PackagedApplication.start("dev-database-url", env(
                "SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", database),
                "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "postgres"), List.of())) {
            app.awaitHealthy(START);
            Http http = app.http();
            assertThat(http.get("/dev/mailbox").statusCode()).isEqualTo(200);
            assertThat(users(database)).isEmpty();

            String login = "base." + UUID.randomUUID().toString().substring(0, 8) + "@cabinet.example.fr";
            assertThat(http.send(http.request("/api/accounts").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(accountCreation(login)))).statusCode()).isEqualTo(201);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!http.get("/dev/mailbox/messages").body().contains(login) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(http.get("/dev/mailbox/messages").body()).contains(login);
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }
    }

    private static Map<String, String> production(String database) {
        return env("SPRING_PROFILES_ACTIVE", "prod",
                "SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", database),
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "postgres",
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "FDJ_PUBLIC_URL", PUBLIC_URL);
    }

    private static String accountCreation(String login) {
        return """
                {"loginEmail": "%s", "lastName": "Bernard", "firstName": "Inès",
                 "structure": {"identifierType": "AUTRE", "identifier": "EN-COURS-%s", "name": "Traductions Bernard"},
                 "termsAccepted": true}
                """.formatted(login, UUID.randomUUID().toString().substring(0, 8).toUpperCase());
    }

    private static String newDatabase() throws SQLException {
        String name = "fdj_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return name;
    }

    private static List<String> users(String database) throws SQLException {
        List<String> users = new ArrayList<>();
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id_ from act_id_user order by id_")) {
            while (rows.next()) {
                users.add(rows.getString(1));
            }
        }
        return users;
    }

    private static long count(String database, String sql) throws SQLException {
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
