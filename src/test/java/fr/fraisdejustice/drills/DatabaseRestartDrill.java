package fr.fraisdejustice.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.PackagedApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL stopped and started again (a restart, a fail-over) while 2 clients send mémoires to 2 nodes: during the
 * outage a request gets a French 503 problem+json, readiness is DOWN and liveness UP; once PostgreSQL is back the
 * nodes serve again without a restart, and nothing is lost: every draft ends sent once, wholly.
 */
class DatabaseRestartDrill {

    static final int CLIENTS = 2;
    static final int SUBMISSIONS = 200;
    static final int STOP_AFTER = 40;
    static final Duration OUTAGE = Duration.ofSeconds(20);
    static final Duration START = Duration.ofMinutes(8);

    @Test
    @Timeout(value = 40, unit = TimeUnit.MINUTES)
    void thePostgresqlRestartGets503sThenTheNodesRecoverAlone() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path data = Path.of("target", "drills", "database-restart").toAbsolutePath();
        deleteRecursively(data);
        Files.createDirectories(data);
        int port = PackagedApplication.freePort();
        EmbeddedPostgres[] postgres = {postgres(data, port)};
        String database = "fdj_restart";
        try (Connection connection = postgres[0].getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + database);
        }
        String url = postgres[0].getJdbcUrl("postgres", database);
        PackagedApplication a = PackagedApplication.start("drill-restart-a", DrillNodes.production(url, smtp, true), List.of());
        PackagedApplication b = null;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        try {
            a.awaitHealthy(START);
            b = PackagedApplication.start("drill-restart-b", DrillNodes.production(url, smtp, false), List.of());
            b.awaitHealthy(START);
            List<Http> nodes = List.of(a.http(), b.http());

            List<Map.Entry<DrillProvider, List<String>>> world = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                DrillProvider provider = DrillProvider.ready(nodes.get(c % 2), smtp);
                List<String> drafts = new ArrayList<>();
                for (int i = 0; i < SUBMISSIONS / CLIENTS; i++) {
                    drafts.add(provider.draft(nodes.get(i % 2)));
                }
                world.add(Map.entry(provider, drafts));
            }

            AtomicInteger requests = new AtomicInteger();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger unavailable = new AtomicInteger();
            AtomicInteger alreadySent = new AtomicInteger();
            AtomicLong stoppedAt = new AtomicLong();
            AtomicLong restartedAt = new AtomicLong();
            AtomicLong firstAnswerAfterRestart = new AtomicLong();
            Map<String, String> sent = new ConcurrentHashMap<>();
            List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
            List<String> probes = Collections.synchronizedList(new ArrayList<>());

            // the outage, from its own thread once STOP_AFTER submissions were answered
            Future<?> outage = clients.submit(() -> {
                while (answered.get() < STOP_AFTER) {
                    Thread.sleep(50);
                }
                stoppedAt.set(System.nanoTime());
                postgres[0].close();
                Thread.sleep(OUTAGE.toMillis() / 2);
                probes.add("readiness " + a.http().get("/actuator/health/readiness").statusCode()
                        + ", liveness " + a.http().get("/actuator/health/liveness").statusCode());
                Thread.sleep(OUTAGE.toMillis() / 2);
                postgres[0] = postgres(data, port);
                restartedAt.set(System.nanoTime());
                return null;
            });
            List<Future<?>> traffic = new ArrayList<>();
            for (var entry : world) {
                traffic.add(clients.submit(() -> {
                    int turn = 0;
                    for (String draft : entry.getValue()) {
                        for (int attempt = 0; attempt < 200 && !sent.containsKey(draft); attempt++) {
                            requests.incrementAndGet();
                            try {
                                HttpResponse<String> answer = entry.getKey().submit(nodes.get(turn++ % 2), draft);
                                JsonNode body = DrillProvider.json(answer);
                                if (answer.statusCode() == 200) {
                                    sent.put(draft, body.get("number").asText());
                                    answered.incrementAndGet();
                                    if (restartedAt.get() != 0) {
                                        firstAnswerAfterRestart.compareAndSet(0, System.nanoTime());
                                    }
                                } else if (answer.statusCode() == 409 && body.has("mjNumber")) {
                                    alreadySent.incrementAndGet();
                                    sent.put(draft, body.get("mjNumber").asText());
                                } else if (answer.statusCode() == 503
                                        && answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                                        && "SERVICE_UNAVAILABLE".equals(body.path("code").asText())
                                        && body.path("detail").asText().contains("momentanément indisponible")) {
                                    unavailable.incrementAndGet();
                                    Thread.sleep(500);
                                } else {
                                    wrongAnswers.add(answer.statusCode() + " " + answer.body());
                                    Thread.sleep(500);
                                }
                            } catch (UncheckedIOException broken) {
                                wrongAnswers.add("connexion : " + broken.getMessage());
                                Thread.sleep(500);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : traffic) {
                client.get(20, TimeUnit.MINUTES);
            }
            outage.get(1, TimeUnit.MINUTES);

            Ledger ledger = new Ledger(url);
            // a save point taken just before the outage stays locked until its lock expires (5 minutes by default)
            long deadline = System.nanoTime() + Duration.ofMinutes(7).toNanos();
            while (ledger.dueJobs() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            long lost = SUBMISSIONS - sent.size() + sent.values().stream().filter(mj -> !ledger.saved(mj)).count();
            System.out.printf("%nEXERCICE redémarrage de PostgreSQL sous trafic (2 nœuds, %d clients, coupure de %d s) : "
                            + "%d requêtes, %d réponses 200, %d réponses 503 problem+json pendant la coupure, %d déjà "
                            + "envoyés (numéro MJ rendu), %d autres réponses %s ; sondes pendant la coupure : %s ; premier "
                            + "envoi réussi %.1f s après le retour de PostgreSQL (sans redémarrer les nœuds) ; perdus %d, "
                            + "numéros MJ en double %d, processus en double %d, à moitié enregistrés %d, brouillons "
                            + "restants %d, travaux échus restants %d, en échec %d%n%n",
                    CLIENTS, OUTAGE.toSeconds(), requests.get(), answered.get(), unavailable.get(), alreadySent.get(),
                    wrongAnswers.size(), wrongAnswers.stream().limit(3).toList(), probes,
                    (firstAnswerAfterRestart.get() - restartedAt.get()) / 1e9, lost, ledger.duplicateNumbers(),
                    ledger.duplicateProcesses(), ledger.halfSaved(), ledger.drafts(), ledger.dueJobs(),
                    ledger.failedJobs());

            assertThat(probes).containsExactly("readiness 503, liveness 200");
            assertThat(unavailable.get()).isPositive();
            assertThat(wrongAnswers).isEmpty();
            assertThat(lost).isZero();
            assertThat(ledger.duplicateNumbers()).isZero();
            assertThat(ledger.duplicateProcesses()).isZero();
            assertThat(ledger.halfSaved()).isZero();
            assertThat(ledger.drafts()).isZero();
            assertThat(ledger.dueJobs()).isZero();
            assertThat(ledger.failedJobs()).isZero();
        } finally {
            clients.shutdownNow();
            a.close();
            if (b != null) {
                b.close();
            }
            postgres[0].close();
            smtp.stop();
        }
    }

    /** The same server again: same data directory, same port, as after a restart or a fail-over behind one address. */
    private static EmbeddedPostgres postgres(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setRegisterShutdownHook(false).setDataDirectory(data)
                .setCleanDataDirectory(false).setPort(port).setServerConfig("max_connections", "100")
                .setLocaleConfig("encoding", "UTF8").start();
    }

    private static void deleteRecursively(Path root) throws Exception {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
