package fr.fraisdejustice.bulkupload;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.bench.BenchTable;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.memoire.StructureWithBankAccount;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * A 10 000-mémoire dépôt flux (one line and one PDF each, as in the sample) processed by its background job, each
 * mémoire checked and sent as if entered by hand. Runs only with
 * {@code mvn -Pbench verify}; prints its figures and records them in {@link BenchTable}.
 */
@IntegrationTest
class BulkUploadBenchmark {

    static final int MEMOIRES = 10_000;

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired MandateSignature mandates;
    @Autowired BulkUploads uploads;
    @Autowired ObjectMapper json;
    @Autowired GreenMail mailServer;
    @LocalServerPort int port;

    @Test
    void tenThousandMemoiresInOneFile() throws Exception {
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, new Http(port), json);
        ready.signMandate(engine, mandates, mailServer);
        String sample = BulkUploadApiTest.sample(ready, "");
        String memoire = sample.substring(sample.indexOf("<memoire "), sample.indexOf("</memoire>") + "</memoire>".length());
        String oneLine = memoire.replaceAll("(?s)<line>\\s*<caseNumber>26-002.*?</line>", "");
        StringBuilder file = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<depotFlux xmlns=\"http://fraisdejustice.fr/depot-flux/1\">\n");
        for (int i = 0; i < MEMOIRES; i++) {
            file.append(oneLine.replace("FAC-2026-0001", "FAC-" + i)).append('\n');
        }
        file.append("</depotFlux>\n");
        byte[] content = file.toString().getBytes(StandardCharsets.UTF_8);

        long start = System.nanoTime();
        UUID id = uploads.receive(new MockMultipartFile("file", "bench.xml", "application/xml", content),
                ready.manager().accountId()).uploadId();
        double receiveMillis = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        uploads.process(id);
        double seconds = (System.nanoTime() - start) / 1e9;
        BulkUploads.Report report = uploads.report(id, ready.manager().accountId());

        System.out.printf(Locale.ROOT, "%nDépôt flux of %,d mémoires (%.1f MB): answered in %.0f ms, processed by the job in "
                        + "%.1f s (%.0f mémoires/s): %d sent, %d refused, status %s%n%n", MEMOIRES, content.length / 1e6,
                receiveMillis, seconds, MEMOIRES / seconds, report.sent(), report.refused(), report.status());
        BenchTable.record("dépôt flux of 10 000 mémoires: answered in", receiveMillis, "ms");
        BenchTable.record("dépôt flux of 10 000 mémoires: processed", MEMOIRES / seconds, "/s");
    }
}
