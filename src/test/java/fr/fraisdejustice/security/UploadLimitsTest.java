package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Multipart;
import fr.fraisdejustice.support.TestClock;

/** A multipart request is refused by its announced size before its body is read; each account has upload quotas. */
@IntegrationTest
class UploadLimitsTest {

    @Autowired Providers providers;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    @Test
    void aDepotFluxAnnouncingMoreThanItsLimitIsRefusedBeforeItsBodyIsSent() throws IOException {
        Providers.Provider provider = providers.withOwnStructure();

        // the body never follows: an answer proves nothing of it was awaited
        String answer = rawRequest("POST /api/bulk-uploads HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + provider.basic() + "\r\n"
                + "Content-Type: multipart/form-data; boundary=frontiere\r\nContent-Length: 60000000\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"REQUEST_TOO_LARGE\"")
                .contains("Cet envoi pèse 58 Mo, plus que les 51 Mo permis ici");
    }

    @Test
    void aDocumentRequestHasTheSmallerLimitOfDocuments() throws IOException {
        String answer = rawRequest("POST /api/memoires/MJ1/attachments HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=frontiere\r\nContent-Length: 30000000\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 413").contains("plus que les 21 Mo permis ici");
    }

    @Test
    void aMultipartRequestWithoutAnnouncedSizeIsRefused() throws IOException {
        String answer = rawRequest("POST /api/bulk-uploads HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=frontiere\r\nTransfer-Encoding: chunked\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 411").contains("\"code\":\"LENGTH_REQUIRED\"");
    }

    @Test
    void anAccountPastItsUploadsOfTheDayIsToldToComeBackTomorrow() {
        Providers.Provider provider = providers.withOwnStructure();
        jdbc.update("insert into upload_usage (account_id, day, uploads, bytes) values (?, ?, 300, 0)",
                provider.accountId(), quotas(limits(300, "1GB", "20GB")).today());
        Multipart file = new Multipart().file("file", "flux.xml", "application/xml", "<depotFlux/>".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> refused = new Http(port).send(new Http(port).request("/api/bulk-uploads")
                .header("Authorization", provider.basic()).header("Content-Type", file.contentType())
                .POST(file.publisher()));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("UPLOAD_QUOTA_EXCEEDED")
                .contains("Votre compte a déjà envoyé 300 fichiers aujourd'hui");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, Duration.ofHours(25).toSeconds());
    }

    @Test
    void quotasCountUploadsAndBytesPerDayAndInAll() {
        UploadQuotas quotas = quotas(limits(2, "1KB", "3KB"));
        var account = providers.withOwnStructure().accountId();

        assertThat(quotas.charge(account, 400)).isNull();
        assertThat(quotas.charge(account, 700)).as("past the bytes of the day").isEqualTo(UploadQuotas.Refusal.BYTES_PER_DAY);
        assertThat(quotas.charge(account, 400)).isNull();
        assertThat(quotas.charge(account, 1)).as("past the uploads of the day").isEqualTo(UploadQuotas.Refusal.UPLOADS_PER_DAY);

        clock.advance(Duration.ofDays(1));
        try {
            assertThat(quotas.charge(account, 1000)).as("a new day").isNull();
            assertThat(quotas.charge(account, 1000)).isEqualTo(UploadQuotas.Refusal.BYTES_PER_DAY);
            clock.advance(Duration.ofDays(1));
            assertThat(quotas.charge(account, 1000)).isNull();
            assertThat(quotas.charge(account, 400)).as("past the bytes in all").isEqualTo(UploadQuotas.Refusal.BYTES_IN_ALL);
        } finally {
            clock.reset();
        }
    }

    private UploadQuotas quotas(UploadLimitProperties limits) {
        return new UploadQuotas(jdbc, limits, clock);
    }

    private static UploadLimitProperties limits(int uploadsPerDay, String bytesPerDay, String bytesInAll) {
        return new UploadLimitProperties(DataSize.parse("21MB"), DataSize.parse("51MB"), DataSize.parse("200MB"),
                uploadsPerDay, DataSize.parse(bytesPerDay), DataSize.parse(bytesInAll));
    }

    /** Sends only the head of a request and reads the answer up to the end of its problem+json (the body never comes). */
    private String rawRequest(String head) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            int read;
            while ((read = in.read()) != -1) {
                answer.write(read);
                String text = answer.toString(StandardCharsets.UTF_8);
                int body = text.indexOf("\r\n\r\n");
                if (body > 0 && text.indexOf('}', body) > 0) {
                    return text;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
