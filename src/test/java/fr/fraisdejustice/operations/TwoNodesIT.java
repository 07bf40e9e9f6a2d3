package fr.fraisdejustice.operations;

import static fr.fraisdejustice.support.PackagedApplication.env;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.fraisdejustice.database.EmbeddedPostgresServer;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.Multipart;
import fr.fraisdejustice.support.PackagedApplication;
import fr.fraisdejustice.support.PortalSession;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;

/**
 * Two cluster members (the packaged jar twice, each in its own JVM with its own engine and job executor) on one
 * PostgreSQL and one SMTP server, both started here as outside servers: what one node does, the other sees; what must
 * happen once happens once, whichever node does it. Prints its figures.
 */
class TwoNodesIT {

    // an upper bound for a loaded machine: two JVMs start at once on the same cores
    static final Duration START = Duration.ofMinutes(10);
    static final Duration WORK = Duration.ofMinutes(5);
    static final String PUBLIC_URL = "https://frais-de-justice.test";
    static final String ADMIN = "admin.grappe";
    static final String ADMIN_PASSWORD = "Premier-Admin-2026!";
    static final String PASSWORD = "Expertise-2026!";
    static final int TIMERS = 1000;
    static final int FLUX_MEMOIRES = 20;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern TOKEN = Pattern.compile("jeton=([A-Za-z0-9_-]+)");

    static EmbeddedPostgres postgres;
    static GreenMail smtp;
    static String database;
    static PackagedApplication nodeA;
    static PackagedApplication nodeB;

    @BeforeAll
    static void twoNodesOnOneDatabase() throws Exception {
        // GreenMail logs each new recipient: 2 000 lines here
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        postgres = EmbeddedPostgresServer.start("");
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        database = "fdj_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sql("postgres", "create database " + database);
        Map<String, String> member = env(
                "FDJ_CLUSTER_MEMBER", "true",
                "SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", database),
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "postgres",
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "FDJ_PUBLIC_URL", PUBLIC_URL,
                "FDJ_ADMIN_USER", ADMIN,
                "FDJ_ADMIN_PASSWORD", ADMIN_PASSWORD);
        List<String> arguments = List.of(
                // the test creates its 1 000 accounts from one address; the limits per target stay as in production
                "--fdj.rate-limits.anonymous-steps.capacity=100000",
                // cheap hashing, as in every test: the 1 000 accounts' passwords are not what this test measures
                "--fdj.passwords.bcrypt-strength=4",
                // the outbox re-delivers whatever is incomplete, every 2 s, even while its first delivery runs on the
                // other node: only the idempotency keys keep each mail single
                "--fdj.outbox.resubmission-cron=*/2 * * * * *",
                "--fdj.outbox.resubmit-older-than=0s",
                // an idle job executor looks for due jobs every 2 s at most (Camunda's default: up to 60 s)
                "--camunda.bpm.job-execution.max-wait=2000");
        long begin = System.nanoTime();
        // started together on the empty database: Flyway, the deployment and the staff seeding each take their lock
        nodeA = PackagedApplication.start("cluster-a", member, arguments);
        nodeB = PackagedApplication.start("cluster-b", member, arguments);
        nodeA.awaitHealthy(START);
        nodeB.awaitHealthy(START);
        System.out.printf("Deux nœuds démarrés ensemble sur une base vide en %.1f s (A : %.1f s, B : %.1f s annoncées)%n",
                seconds(begin), nodeA.reportedStartSeconds(), nodeB.reportedStartSeconds());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {nodeA, nodeB}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aClusterMemberWithoutItsSettingsStopsAtOnceAndNamesThem() {
        try (PackagedApplication alone = PackagedApplication.start("cluster-unset", env("FDJ_CLUSTER_MEMBER", "true"),
                List.of())) {
            assertThat(alone.awaitExit(START)).isNotZero();
            assertThat(alone.output()).contains(
                    "SPRING_DATASOURCE_URL (spring.datasource.url) est obligatoire pour un membre de grappe",
                    "SPRING_MAIL_HOST (spring.mail.host) est obligatoire", "FDJ_PUBLIC_URL (fdj.public-url) est obligatoire")
                    .doesNotContain("postmaster");
        }
    }

    @Test
    void bothNodesStartedTogetherDeployedTheModelsOnceAndSeededTheStaffOnce() throws Exception {
        assertThat(count("select count(*) from act_re_deployment")).isOne();
        assertThat(count("select count(*) from act_id_group")).isEqualTo(count("select count(distinct id_) from act_id_group"));
        assertThat(count("select count(*) from act_ru_filter")).isEqualTo(count("select count(distinct name_) from act_ru_filter"));
        assertThat(count("select count(*) from act_id_user")).isOne();
    }

    @Test
    void aSessionOpenedOnNodeAWorksOnNodeBAndALogoutOnBEndsItOnA() throws Exception {
        Provider provider = activeProvider("session", nodeA.http());
        PortalSession onA = PortalSession.logIn(nodeA.http(), provider.email(), PASSWORD);
        PortalSession onB = new PortalSession(nodeB.http(), onA.session(), onA.csrf());

        HttpResponse<String> me = onB.get("/api/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("loginEmail").asText()).isEqualTo(provider.email());
        var logout = nodeB.http().json("DELETE", "/api/session", null, "Cookie", "SESSION=" + onA.session() + "; XSRF-TOKEN="
                + onA.csrf(), "X-XSRF-TOKEN", onA.csrf(), "X-Requested-With", "XMLHttpRequest");
        assertThat(logout.statusCode()).as(logout.body()).isLessThan(300);

        assertThat(onA.get("/api/me").statusCode()).as("logged out on B, so on A too").isEqualTo(401);
    }

    @Test
    void failedLoginsSplitBetweenTheNodesReachTheOneLimit() {
        String login = "intrus." + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            Http node = (i % 2 == 0 ? nodeA : nodeB).http();
            statuses.add(node.send(node.request("/api/me").header("Authorization", Http.basic(login, "mauvais-" + i)))
                    .statusCode());
        }
        System.out.printf("Connexions manquées réparties sur A et B : %s%n", statuses);

        assertThat(statuses.subList(0, 10)).as("10 failures per account in 15 minutes, wherever they land")
                .allMatch(status -> status == 401);
        assertThat(statuses.get(10)).as("the 11th, on node A, counts B's failures too").isEqualTo(429);
    }

    @Test
    void aThousandActivationTimersMadeDueFireOnceEachAcrossTheNodes() throws Exception {
        String prefix = "minuteur-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        long begin = System.nanoTime();
        AtomicInteger created = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < TIMERS; i++) {
                String email = prefix + i + "@example.fr";
                Http node = (i % 2 == 0 ? nodeA : nodeB).http();
                answers.add(clients.submit(() -> createAccount(node, email).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                if (answer.get() == 201) {
                    created.incrementAndGet();
                }
            }
        } finally {
            clients.shutdown();
        }
        double creation = seconds(begin);
        assertThat(created.get()).isEqualTo(TIMERS);
        String timersOfThisTest = "select j.id_ from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_ "
                + "join account a on a.id::text = e.business_key_ where j.handler_type_ = 'timer-intermediate-transition' "
                + "and a.login_email like '" + prefix + "%'";
        awaitCount("the activation mails sent, each timer set", "select count(*) from (" + timersOfThisTest + ") t", TIMERS);
        double activationMails = seconds(begin);

        begin = System.nanoTime();
        // the 30 days elapsed: every timer due now, for whichever node's job executor finds it first
        sql(database, "update act_ru_job set duedate_ = now() - interval '1 second' where id_ in (" + timersOfThisTest + ")");
        Predicate<MimeMessage> expiry = message -> Mailbox.subject(message).equals(
                "Votre lien d'activation frais-de-justice a expiré") && recipient(message).startsWith(prefix);
        // which job executors hold jobs while the timers fire: each node's has its own lock owner
        Set<String> lockOwners = new HashSet<>();
        while (mails(expiry).size() < TIMERS && seconds(begin) < WORK.toSeconds()) {
            lockOwners.addAll(strings("select distinct lock_owner_ from act_ru_job where lock_owner_ is not null"));
            pause();
        }
        awaitMails(expiry, TIMERS);
        double fired = seconds(begin);
        awaitCount("every expired account", "select count(*) from account where status = 'ACTIVATION_EXPIRED' "
                + "and login_email like '" + prefix + "%'", TIMERS);
        Thread.sleep(3000);  // a duplicate would come now: the job executors have nothing left to do

        List<String> recipients = mails(expiry).stream().map(TwoNodesIT::recipient).toList();
        long timerRuns = count("select count(*) from act_hi_actinst where act_id_ = 'Event_ThirtyDaysElapsed' "
                + "and end_time_ is not null and proc_inst_id_ in (select e.id_ from act_hi_procinst e join account a "
                + "on a.id::text = e.business_key_ where a.login_email like '" + prefix + "%')");
        System.out.printf("%d comptes créés sur A et B en %.1f s (courriels d'activation envoyés à %.1f s) ; %d minuteurs "
                        + "échus déclenchés en %.1f s par %d exécuteurs de tâches : %d courriels d'expiration, %d "
                        + "destinataires distincts%n", TIMERS, creation, activationMails, timerRuns, fired, lockOwners.size(),
                recipients.size(), recipients.stream().distinct().count());
        assertThat(lockOwners).as("both nodes' job executors took their share").hasSize(2);
        assertThat(timerRuns).isEqualTo(TIMERS);
        assertThat(recipients).hasSize(TIMERS).doesNotHaveDuplicates();
    }

    @Test
    void aDepotFluxIsProcessedOnceItsStatusMailsGoOnceAndATaskCompletedOnNodeAIsGoneOnNodeB() throws Exception {
        Provider provider = activeProvider("flux", nodeA.http());
        String bankAccount = addBankAccount(nodeB.http(), provider);
        signMandate(nodeA.http(), provider);

        long begin = System.nanoTime();
        Multipart file = new Multipart().file("file", "flux.xml", "application/xml",
                flux(provider, bankAccount).getBytes(StandardCharsets.UTF_8));
        var accepted = nodeB.http().send(nodeB.http().request("/api/bulk-uploads").header("Authorization", provider.basic())
                .header("Content-Type", file.contentType()).POST(file.publisher()));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String upload = JSON.readTree(accepted.body()).get("uploadId").asText();
        JsonNode report = awaitReport(nodeA.http(), provider, upload);
        double processed = seconds(begin);
        List<String> numbers = new ArrayList<>();
        report.get("items").forEach(memoire -> numbers.add(memoire.path("mjNumber").asText()));
        assertThat(report.get("sent").asInt()).as(report.toString()).isEqualTo(FLUX_MEMOIRES);
        assertThat(numbers).hasSize(FLUX_MEMOIRES).doesNotHaveDuplicates();
        assertThat(count("select count(*) from act_hi_actinst where act_id_ = 'Task_ProcessBulkUpload' and proc_inst_id_ "
                + "in (select id_ from act_hi_procinst where business_key_ = '" + upload + "')"))
                .as("the flux's job ran once").isOne();
        assertThat(count("select count(*) from memoire where structure_id = '" + provider.structureId() + "'"))
                .isEqualTo(FLUX_MEMOIRES);

        Predicate<MimeMessage> madeAvailable = message -> recipient(message).equals(provider.email())
                && Mailbox.subject(message).endsWith(" : Mis à disposition");
        awaitMails(madeAvailable, FLUX_MEMOIRES);
        double statusMails = seconds(begin);

        String mj = numbers.get(0);
        JsonNode task = JSON.readTree(admin(nodeA.http(), "/engine-rest/task?processInstanceBusinessKey=" + mj).body()).get(0);
        String taskId = task.get("id").asText();
        var completed = nodeA.http().send(nodeA.http().request("/engine-rest/task/" + taskId + "/submit-form")
                .header("Authorization", Http.basic(ADMIN, ADMIN_PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"certificationDecision\":{\"value\":\"CERTIFIER\"}}}")));
        assertThat(completed.statusCode()).as(completed.body()).isLessThan(300);

        assertThat(admin(nodeB.http(), "/engine-rest/task/" + taskId).statusCode()).as("gone on B").isEqualTo(404);
        JsonNode history = JSON.readTree(admin(nodeB.http(), "/engine-rest/history/task?taskId=" + taskId).body()).get(0);
        assertThat(history.get("endTime").isNull()).as("completed, in B's history").isFalse();
        JsonNode memoire = JSON.readTree(nodeB.http().send(nodeB.http().request("/api/memoires/" + mj)
                .header("Authorization", provider.basic())).body());
        assertThat(memoire.get("status").asText()).isEqualTo("CERTIFIE");
        Predicate<MimeMessage> certified = message -> Mailbox.subject(message).equals("Mémoire " + mj + " : Certifié");
        awaitMails(certified, 1);
        Thread.sleep(5000);  // two resubmission rounds of the outbox on each node: any duplicate would be here now

        long incomplete = count("select count(*) from event_publication where completion_date is null");
        String alreadySent = "déjà envoyé : rien n'est renvoyé";
        System.out.printf("Dépôt flux de %d mémoires traité en %.1f s, %d courriels « Mis à disposition » à %.1f s ; "
                        + "courriels d'état reçus : %d « Mis à disposition », %d « Certifié » ; livraisons en double "
                        + "écartées par leur clé : %d sur A, %d sur B ; publications incomplètes : %d%n",
                FLUX_MEMOIRES, processed, mails(madeAvailable).size(), statusMails, mails(madeAvailable).size(),
                mails(certified).size(), nodeA.linesContaining(alreadySent), nodeB.linesContaining(alreadySent), incomplete);
        assertThat(incomplete).isZero();
        assertThat(mails(madeAvailable)).hasSize(FLUX_MEMOIRES);
        assertThat(mails(madeAvailable).stream().map(Mailbox::subject).toList()).doesNotHaveDuplicates();
        assertThat(mails(certified)).hasSize(1);
        assertThat(count("select count(*) from sent_mail where idempotency_key like 'memoire-status:%'"))
                .isEqualTo(FLUX_MEMOIRES + 1);
    }

    record Provider(String email, String accountId, String structureId) {
        String basic() {
            return Http.basic(email, PASSWORD);
        }
    }

    /** Created on one node and activated with the mailed link; the gestionnaire principal of a structure of his own. */
    static Provider activeProvider(String name, Http http) throws IOException {
        String email = name + "." + UUID.randomUUID().toString().substring(0, 8) + "@cabinet.example.fr";
        var created = createAccount(http, email);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode ids = JSON.readTree(created.body());
        MimeMessage activation = awaitMails(message -> recipient(message).equals(email), 1).get(0);
        var activated = http.json("POST", "/api/accounts/activation", JSON.createObjectNode()
                .put("token", token(activation)).put("password", PASSWORD).put("passwordConfirmation", PASSWORD)
                .put("secretQuestion", "Quel est le nom de jeune fille de votre mère ?").put("secretAnswer", "Dupont")
                .toString());
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        return new Provider(email, ids.get("accountId").asText(), ids.get("structureId").asText());
    }

    static HttpResponse<String> createAccount(Http http, String email) {
        return http.send(http.request("/api/accounts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"loginEmail": "%s", "lastName": "Bernard", "firstName": "Inès",
                         "structure": {"identifierType": "AUTRE", "identifier": "GRAPPE-%s", "name": "Traductions Bernard"},
                         "termsAccepted": true}
                        """.formatted(email, UUID.randomUUID().toString().substring(0, 8).toUpperCase()))));
    }

    static String addBankAccount(Http http, Provider provider) throws IOException {
        Multipart rib = new Multipart().json("bankAccount", "{\"name\":\"Compte\",\"type\":\"IBAN\","
                        + "\"iban\":\"FR7630006000011234567890189\",\"bic\":\"BNPAFRPP\"}")
                .file("document", "rib.pdf", "application/pdf", Multipart.pdf());
        var added = http.send(http.request("/api/structures/" + provider.structureId() + "/bank-accounts")
                .header("Authorization", provider.basic()).header("Content-Type", rib.contentType()).POST(rib.publisher()));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return JSON.readTree(added.body()).get("id").asText();
    }

    /** Generated on one node; its mail job runs on either; signed with the mailed link. */
    static void signMandate(Http http, Provider provider) {
        var generated = http.send(http.request("/api/structures/" + provider.structureId() + "/mandates")
                .header("Authorization", provider.basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"Mandat\"}")));
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        MimeMessage link = awaitMails(message -> recipient(message).equals(provider.email())
                && Mailbox.body(message).contains("/portail/signature-mandat"), 1).get(0);
        var signed = http.json("POST", "/api/mandates/signature", "{\"token\":\"" + token(link) + "\"}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
    }

    /** The sample of the documentation, its one mémoire repeated with one line each, as the benchmark does. */
    static String flux(Provider provider, String bankAccount) throws IOException {
        String sample;
        try (InputStream in = TwoNodesIT.class.getResourceAsStream("/bulk/depot-flux-exemple.xml")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("00000000-0000-0000-0000-000000000001", provider.structureId())
                    .replace("00000000-0000-0000-0000-000000000002", bankAccount)
                    .replace("2026-11-0", LocalDate.now().minusDays(10).toString().substring(0, 9));
        }
        String memoire = sample.substring(sample.indexOf("<memoire "), sample.indexOf("</memoire>") + "</memoire>".length())
                .replaceAll("(?s)<line>\\s*<caseNumber>26-002.*?</line>", "");
        StringBuilder file = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<depotFlux xmlns=\"http://fraisdejustice.fr/depot-flux/1\">\n");
        for (int i = 0; i < FLUX_MEMOIRES; i++) {
            file.append(memoire.replace("FAC-2026-0001", "GRAPPE-" + i)).append('\n');
        }
        return file.append("</depotFlux>\n").toString();
    }

    static JsonNode awaitReport(Http http, Provider provider, String upload) throws Exception {
        long deadline = System.nanoTime() + WORK.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode report = JSON.readTree(http.send(http.request("/api/bulk-uploads/" + upload)
                    .header("Authorization", provider.basic())).body());
            if (report.path("status").asText().matches("TERMINE|REJETE")) {
                return report;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Dépôt flux " + upload + " non traité en " + WORK);
    }

    static HttpResponse<String> admin(Http http, String path) {
        return http.send(http.request(path).header("Authorization", Http.basic(ADMIN, ADMIN_PASSWORD)));
    }

    static String token(MimeMessage message) {
        Matcher matcher = TOKEN.matcher(Mailbox.body(message));
        assertThat(matcher.find()).as("un lien avec jeton").isTrue();
        return matcher.group(1);
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<MimeMessage> mails(Predicate<MimeMessage> matching) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(matching).toList();
    }

    static List<MimeMessage> awaitMails(Predicate<MimeMessage> matching, int count) {
        long deadline = System.nanoTime() + WORK.toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> received = mails(matching);
            if (received.size() >= count) {
                return received;
            }
            pause();
        }
        throw new AssertionError("Courriels attendus : " + count + ", reçus : " + mails(matching).size());
    }

    static void awaitCount(String what, String sql, long expected) throws SQLException {
        long deadline = System.nanoTime() + WORK.toNanos();
        long found = -1;
        while (System.nanoTime() < deadline) {
            found = count(sql);
            if (found >= expected) {
                return;
            }
            pause();
        }
        throw new AssertionError(what + " : " + expected + " attendus, " + found + " trouvés");
    }

    static long count(String sql) throws SQLException {
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static void sql(String on, String sql) throws SQLException {
        try (Connection connection = postgres.getDatabase("postgres", on).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
