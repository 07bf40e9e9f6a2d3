package fr.fraisdejustice.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.PackagedApplication;

/**
 * Backup and restore, once for real (docs/operations.md, « Sauvegarde et restauration »): mémoires sent on a production
 * node, the database dumped with pg_dump, restored with pg_restore into a new database, the application started on
 * it, and every mémoire's certificate still verifies there; the MJ numbering goes on without giving a number twice.
 */
class BackupRestoreDrill {

    static final int MEMOIRES = 40;
    static final Duration START = Duration.ofMinutes(8);

    @Test
    @Timeout(value = 30, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aDumpRestoredIntoANewDatabaseServesEveryCertificate() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (ClusterPostgres postgres = ClusterPostgres.start("backup-restore")) {
            postgres.createDatabase("fdj");
            Map<String, String> sent = new LinkedHashMap<>();
            try (PackagedApplication node = PackagedApplication.start("drill-backup-source",
                    DrillNodes.production(postgres.jdbcUrl("fdj"), smtp, true), List.of())) {
                node.awaitHealthy(START);
                Http http = node.http();
                for (int p = 0; p < 2; p++) {
                    DrillProvider provider = DrillProvider.ready(http, smtp);
                    for (int i = 0; i < MEMOIRES / 2; i++) {
                        var submitted = provider.submit(http, provider.draft(http));
                        DrillProvider.expect(submitted, 200);
                        var body = DrillProvider.json(submitted);
                        sent.put(body.get("number").asText(), body.get("certificate").get("fingerprint").asText());
                    }
                }
            }

            Path dump = Path.of("target", "drills", "backup-restore", "fdj.dump").toAbsolutePath();
            long begin = System.nanoTime();
            postgres.dump("fdj", dump);
            double dumpSeconds = (System.nanoTime() - begin) / 1e9;
            begin = System.nanoTime();
            postgres.createDatabase("fdj_restored");
            postgres.restore(dump, "fdj_restored");
            double restoreSeconds = (System.nanoTime() - begin) / 1e9;
            assertThat(count(postgres, "fdj_restored", "select count(*) from memoire where number like 'MJ%'"))
                    .isEqualTo(count(postgres, "fdj", "select count(*) from memoire where number like 'MJ%'"));
            assertThat(count(postgres, "fdj_restored", "select count(*) from act_ru_execution"))
                    .isEqualTo(count(postgres, "fdj", "select count(*) from act_ru_execution"));

            try (PackagedApplication restored = PackagedApplication.start("drill-backup-restored",
                    DrillNodes.production(postgres.jdbcUrl("fdj_restored"), smtp, false), List.of())) {
                begin = System.nanoTime();
                restored.awaitHealthy(START);
                double startSeconds = (System.nanoTime() - begin) / 1e9;
                Http http = restored.http();
                int verified = 0;
                for (Map.Entry<String, String> memoire : sent.entrySet()) {
                    assertThat(DrillProvider.verifies(http, memoire.getKey(), memoire.getValue()))
                            .as("certificat de " + memoire.getKey()).isTrue();
                    verified++;
                }
                assertThat(DrillProvider.verifies(http, sent.keySet().iterator().next(), "0".repeat(64))).isFalse();
                DrillProvider after = DrillProvider.ready(http, smtp);
                var next = DrillProvider.json(after.submit(http, after.draft(http)));
                assertThat(sent).doesNotContainKey(next.get("number").asText());

                System.out.printf("%nEXERCICE sauvegarde/restauration (PostgreSQL %s) : %d mémoires envoyés, "
                                + "pg_dump %.1f s (%d Kio), pg_restore dans une base neuve %.1f s, application démarrée "
                                + "sur la copie en %.1f s, certificats vérifiés %d/%d, perdus 0, nouveau numéro après "
                                + "restauration %s (aucun doublon)%n%n",
                        postgres.version(), sent.size(), dumpSeconds, Files.size(dump) / 1024, restoreSeconds,
                        startSeconds, verified, sent.size(), next.get("number").asText());
            }
        } finally {
            smtp.stop();
        }
    }

    private static long count(ClusterPostgres postgres, String database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
