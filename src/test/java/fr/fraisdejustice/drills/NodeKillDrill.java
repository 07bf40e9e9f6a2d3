package fr.fraisdejustice.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
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

import fr.fraisdejustice.database.EmbeddedPostgresServer;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.PackagedApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@code kill -9} of one of two nodes while 4 clients send 1 000 mémoires: every submission answered 200 has its MJ
 * number, its certificate and its process instance; no MJ number twice; no mémoire half saved (an MJ number without
 * its process, or the reverse); a client whose request died with the node sends it again to the other node, which
 * either sends it or says it was already sent (and under which number); once the killed node is restarted, every save
 * point (the routing job after a submission) has run.
 */
class NodeKillDrill {

    static final int CLIENTS = 4;
    static final int SUBMISSIONS = 1000;
    static final int KILL_AFTER = 300;
    static final Duration START = Duration.ofMinutes(8);
    /** A dead node's jobs are taken over once their lock expires (Camunda's default: 5 minutes; 1 here, see docs). */
    static final List<String> NODE_ARGUMENTS = List.of("--camunda.bpm.job-execution.lock-time-in-millis=60000");

    record Outcome(String draft, String mj, String fingerprint, boolean answered) {
    }

    @Test
    @Timeout(value = 50, unit = TimeUnit.MINUTES)
    void aNodeKilledDuringSubmissionsLosesNothingAndGivesNoNumberTwice() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        EmbeddedPostgres postgres = EmbeddedPostgresServer.start("");
        String database = "fdj_kill";
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + database);
        }
        String url = postgres.getJdbcUrl("postgres", database);
        PackagedApplication a = PackagedApplication.start("drill-kill-a", DrillNodes.production(url, smtp, true),
                NODE_ARGUMENTS);
        a.awaitHealthy(START);
        PackagedApplication b = PackagedApplication.start("drill-kill-b", DrillNodes.production(url, smtp, false),
                NODE_ARGUMENTS);
        PackagedApplication restartedA = null;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            b.awaitHealthy(START);
            List<Http> nodes = List.of(a.http(), b.http());

            // the world: 4 providers, 250 drafts each, prepared on both nodes
            long begin = System.nanoTime();
            List<Future<Map.Entry<DrillProvider, List<String>>>> prepared = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                prepared.add(clients.submit(() -> {
                    Http http = nodes.get(client % 2);
                    DrillProvider provider = DrillProvider.ready(http, smtp);
                    List<String> drafts = new ArrayList<>();
                    for (int i = 0; i < SUBMISSIONS / CLIENTS; i++) {
                        drafts.add(provider.draft(nodes.get(i % 2)));
                    }
                    return Map.entry(provider, drafts);
                }));
            }
            List<Map.Entry<DrillProvider, List<String>>> world = new ArrayList<>();
            for (var future : prepared) {
                world.add(future.get(10, TimeUnit.MINUTES));
            }
            double prepareSeconds = (System.nanoTime() - begin) / 1e9;

            // the traffic: each client sends its drafts, alternating nodes; node A is killed after KILL_AFTER answers
            AtomicInteger requests = new AtomicInteger();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger diedWithTheNode = new AtomicInteger();
            AtomicInteger alreadySent = new AtomicInteger();
            AtomicInteger otherAnswers = new AtomicInteger();
            AtomicLong killedAt = new AtomicLong();
            AtomicLong firstAnswerAfterKill = new AtomicLong();
            Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
            List<String> refusals = Collections.synchronizedList(new ArrayList<>());
            begin = System.nanoTime();
            List<Future<?>> traffic = new ArrayList<>();
            for (var entry : world) {
                traffic.add(clients.submit(() -> {
                    int turn = 0;
                    for (String draft : entry.getValue()) {
                        for (int attempt = 0; attempt < 20 && !outcomes.containsKey(draft); attempt++) {
                            boolean aDead = killedAt.get() != 0;
                            Http http = nodes.get(aDead ? 1 : turn++ % 2);
                            requests.incrementAndGet();
                            try {
                                HttpResponse<String> answer = entry.getKey().submit(http, draft);
                                JsonNode body = DrillProvider.json(answer);
                                if (answer.statusCode() == 200) {
                                    outcomes.put(draft, new Outcome(draft, body.get("number").asText(),
                                            body.get("certificate").get("fingerprint").asText(), true));
                                    if (answered.incrementAndGet() == KILL_AFTER && killedAt.compareAndSet(0, System.nanoTime())) {
                                        a.process().destroyForcibly(); // SIGKILL, as kill -9
                                    }
                                    if (killedAt.get() != 0) {
                                        firstAnswerAfterKill.compareAndSet(0, System.nanoTime());
                                    }
                                } else if (answer.statusCode() == 409 && body.has("mjNumber")) {
                                    // sent by the killed node just before it died: the client now knows its number
                                    alreadySent.incrementAndGet();
                                    outcomes.put(draft, new Outcome(draft, body.get("mjNumber").asText(), null, false));
                                } else {
                                    otherAnswers.incrementAndGet();
                                    refusals.add(answer.statusCode() + " " + answer.body());
                                }
                            } catch (UncheckedIOException connectionLost) {
                                diedWithTheNode.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : traffic) {
                client.get(15, TimeUnit.MINUTES);
            }
            double trafficSeconds = (System.nanoTime() - begin) / 1e9;

            // the killed node comes back; its save points resume (on it or on B) once their lock expired
            long restartBegin = System.nanoTime();
            restartedA = PackagedApplication.start("drill-kill-a-again", DrillNodes.production(url, smtp, false),
                    NODE_ARGUMENTS);
            restartedA.awaitHealthy(START);
            double restartSeconds = (System.nanoTime() - restartBegin) / 1e9;
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (new Ledger(url).dueJobs() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            double recoverSeconds = (System.nanoTime() - killedAt.get()) / 1e9;

            // the books
            Ledger ledger = new Ledger(url);
            long dueJobs = ledger.dueJobs();
            long failedJobs = ledger.failedJobs();
            long drafts = ledger.drafts();
            long sent = ledger.sent();
            long duplicateNumbers = ledger.duplicateNumbers();
            long duplicateProcesses = ledger.duplicateProcesses();
            long halfSaved = ledger.halfSaved();
            long unrouted = ledger.unrouted();
            long lost = outcomes.values().stream().filter(Outcome::answered).map(Outcome::mj)
                    .filter(mj -> !ledger.saved(mj)).count() + (SUBMISSIONS - outcomes.size());
            int verified = 0;
            Http survivor = b.http();
            for (Outcome outcome : outcomes.values()) {
                String fingerprint = outcome.fingerprint() != null ? outcome.fingerprint() : ledger.fingerprint(outcome.mj());
                if (DrillProvider.verifies(survivor, outcome.mj(), fingerprint)) {
                    verified++;
                }
            }

            System.out.printf("%nEXERCICE kill -9 d'un nœud (2 nœuds, %d clients) : préparation de %d brouillons en "
                            + "%.0f s ; envois : %d requêtes en %.1f s (%.1f envois/s), %d réponses 200, %d mortes avec le "
                            + "nœud puis renvoyées à l'autre, %d déjà envoyés selon l'autre nœud (numéro MJ rendu), %d "
                            + "autres réponses ; perdus %d, numéros MJ en double %d, processus en double %d, mémoires à "
                            + "moitié enregistrés %d, brouillons restants %d, envoyés en base %d, certificats vérifiés "
                            + "%d/%d ; premier envoi réussi %.1f s après le kill, nœud A redémarré en %.1f s, tous les "
                            + "points de sauvegarde repris %.0f s après le kill (travaux échus restants %d, en échec %d, "
                            + "routages en attente %d)%n%n",
                    CLIENTS, SUBMISSIONS, prepareSeconds, requests.get(), trafficSeconds,
                    SUBMISSIONS / trafficSeconds, answered.get(), diedWithTheNode.get(), alreadySent.get(),
                    otherAnswers.get(), lost, duplicateNumbers, duplicateProcesses, halfSaved, drafts, sent, verified,
                    outcomes.size(), (firstAnswerAfterKill.get() - killedAt.get()) / 1e9, restartSeconds,
                    recoverSeconds, dueJobs, failedJobs, unrouted);

            assertThat(refusals).isEmpty();
            assertThat(lost).isZero();
            assertThat(duplicateNumbers).isZero();
            assertThat(duplicateProcesses).isZero();
            assertThat(halfSaved).isZero();
            assertThat(drafts).isZero();
            assertThat(sent).isEqualTo(SUBMISSIONS);
            assertThat(verified).isEqualTo(SUBMISSIONS);
            assertThat(dueJobs).isZero();
            assertThat(failedJobs).isZero();
            assertThat(unrouted).isZero();
        } finally {
            clients.shutdownNow();
            a.close();
            b.close();
            if (restartedA != null) {
                restartedA.close();
            }
            postgres.close();
            smtp.stop();
        }
    }
}
