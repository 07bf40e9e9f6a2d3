package fr.fraisdejustice.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.fraisdejustice.database.EmbeddedPostgresServer;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.PackagedApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;

/**
 * The SMTP relay down for a shortened window while providers create accounts (activation mails, sent from a save point
 * retried every 5 minutes) and send mémoires (status mails, from the outbox, delivered again every minute): each
 * failure is visible (a job's retries go down, with the SMTP error as its exception; the outbox keeps the publication),
 * and once the relay is back every mail is delivered, none twice.
 */
class SmtpOutageDrill {

    static final int ACCOUNTS = 10;
    static final int MEMOIRES = 10;
    static final Duration OUTAGE = Duration.ofSeconds(60);
    static final Duration START = Duration.ofMinutes(8);

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void everyMailIsDeliveredOnceAfterTheRelayComesBack() throws Exception {
        int smtpPort = PackagedApplication.freePort();
        ServerSetup relay = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail smtp = new GreenMail(relay);
        smtp.start();
        EmbeddedPostgres postgres = EmbeddedPostgresServer.start("");
        String database = "fdj_smtp";
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + database);
        }
        String url = postgres.getJdbcUrl("postgres", database);
        Ledger ledger = new Ledger(url);
        PackagedApplication node = PackagedApplication.start("drill-smtp", DrillNodes.production(url, smtp, true), List.of());
        try {
            node.awaitHealthy(START);
            Http http = node.http();
            DrillProvider provider = DrillProvider.ready(http, smtp);
            List<String> drafts = new ArrayList<>();
            for (int i = 0; i < MEMOIRES; i++) {
                drafts.add(provider.draft(http));
            }
            int mailsBefore = smtp.getReceivedMessages().length;

            smtp.stop();
            long down = System.nanoTime();
            List<String> logins = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                String login = "panne-smtp." + UUID.randomUUID().toString().substring(0, 8) + "@cabinet.example.fr";
                DrillProvider.expect(http.send(http.request("/api/accounts").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"loginEmail": "%s", "lastName": "Roux", "firstName": "Jeanne",
                                 "structure": {"identifierType": "AUTRE", "identifier": "PS-%s", "name": "Interprètes Roux"},
                                 "termsAccepted": true}""".formatted(login, login.substring(11, 19).toUpperCase())))), 201);
                logins.add(login);
            }
            for (String draft : drafts) {
                DrillProvider.expect(provider.submit(http, draft), 200);
            }
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));
            long jobsRetried = ledger.count("select count(*) from act_ru_job where exception_msg_ is not null");
            long attemptsLeft = ledger.count("select coalesce(sum(retries_), 0) from act_ru_job where exception_msg_ is not null");
            String error = ledger.text("select coalesce(max(exception_msg_), '') from act_ru_job where exception_msg_ is not null");
            long outboxWaiting = ledger.count("select count(*) from event_publication where completion_date is null");
            long incidents = ledger.count("select count(*) from act_ru_incident");

            smtp = new GreenMail(relay);
            smtp.start();
            long up = System.nanoTime();
            Mailbox mailbox = new Mailbox(smtp);
            long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
            while (System.nanoTime() < deadline && !(logins.stream().allMatch(l -> !mailbox.to(l).isEmpty())
                    && ledger.count("select count(*) from event_publication where completion_date is null") == 0
                    && ledger.count("select count(*) from act_ru_job where exception_msg_ is not null and retries_ > 0") == 0)) {
                Thread.sleep(1000);
            }
            double deliveredAfter = (System.nanoTime() - up) / 1e9;
            Thread.sleep(5000); // a late duplicate would show now
            List<MimeMessage> received = List.of(smtp.getReceivedMessages());
            Map<String, Long> perMail = received.stream().collect(Collectors.groupingBy(m -> {
                try {
                    return m.getAllRecipients()[0] + " | " + Mailbox.subject(m);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, Collectors.counting()));
            long duplicates = perMail.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
            long activationsDelivered = logins.stream().filter(l -> mailbox.to(l).size() == 1).count();
            long statusMails = received.stream().filter(m -> Mailbox.subject(m).startsWith("Mémoire ")).count();

            System.out.printf("%nEXERCICE relais SMTP coupé %d s (1 nœud) : %d comptes créés et %d mémoires envoyés "
                            + "pendant la coupure ; essais en échec visibles : %d travaux avec l'erreur « %s » (%d essais "
                            + "restants en tout), %d publications en attente dans l'outbox, %d incidents ; relais revenu : "
                            + "tout livré en %.0f s, %d courriels reçus (%d avant la coupure), activations livrées %d/%d, "
                            + "courriels de statut %d, perdus %d, en double %d%n%n",
                    OUTAGE.toSeconds(), ACCOUNTS, MEMOIRES, jobsRetried, error.length() > 80 ? error.substring(0, 80) : error,
                    attemptsLeft, outboxWaiting, incidents, deliveredAfter, received.size(), mailsBefore,
                    activationsDelivered, ACCOUNTS, statusMails, ACCOUNTS - activationsDelivered, duplicates);

            assertThat(jobsRetried).as("les essais en échec se voient").isPositive();
            assertThat(activationsDelivered).isEqualTo(ACCOUNTS);
            assertThat(duplicates).isZero();
            assertThat(ledger.count("select count(*) from event_publication where completion_date is null")).isZero();
            assertThat(ledger.count("select count(*) from act_ru_incident")).isZero();
        } finally {
            node.close();
            postgres.close();
            smtp.stop();
        }
    }

}
