package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Multipart;

/** Pièces jointes of a draft: checked by content, size and name; readable by members only. */
@IntegrationTest
class MemoireAttachmentApiTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Providers providers;

    @LocalServerPort
    int port;

    Http http;
    Providers.Provider manager;
    String number;

    @BeforeEach
    void setUp() throws IOException {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        http = new Http(port);
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, http, json);
        manager = ready.manager();
        String bankAccountId = ready.bankAccountId();
        number = body(http.send(http.request("/api/memoires").header("Authorization", manager.basic())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of(
                        "structureId", manager.structureId(), "jurisdictionCode", "TJ75101", "bankAccountId", bankAccountId,
                        "providerCategory", "INTERPRETE_TRADUCTEUR", "vatType", "TVA_SUR_DEBIT")))))).get("number").asText();
    }

    JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    HttpResponse<String> attach(Providers.Provider who, Multipart body, String query) {
        return http.send(http.request("/api/memoires/" + number + "/attachments" + query)
                .header("Authorization", who.basic()).header("Content-Type", body.contentType()).POST(body.publisher()));
    }

    @Test
    void aPdfOrATiffIsAttachedListedAndReadBack() throws IOException {
        var pdf = attach(manager, new Multipart().file("file", "requisition.pdf", "application/pdf", Multipart.pdf())
                .text("kind", "REQUISITION"), "");
        assertThat(pdf.statusCode()).isEqualTo(201);
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0};
        var image = attach(manager, new Multipart().file("file", "bordereau.tif", "image/tiff", tiff)
                .text("kind", "BORDEREAU_FRAIS"), "");
        assertThat(image.statusCode()).isEqualTo(201);
        assertThat(body(image).get("mediaType").asText()).isEqualTo("image/tiff");

        JsonNode list = body(http.send(http.request("/api/memoires/" + number + "/attachments").header("Authorization", manager.basic())));
        assertThat(list).hasSize(2);
        var content = http.sendBytes(http.request("/api/memoires/" + number + "/attachments/" + body(pdf).get("id").asText())
                .header("Authorization", manager.basic()));
        assertThat(content.body()).isEqualTo(Multipart.pdf());
        assertThat(content.headers().firstValue("Content-Disposition")).hasValue("inline; filename*=UTF-8''requisition.pdf");
        var tiffContent = http.sendBytes(http.request("/api/memoires/" + number + "/attachments/" + body(image).get("id").asText())
                .header("Authorization", manager.basic()));
        assertThat(tiffContent.headers().firstValue("Content-Disposition")).as("browsers do not show a TIFF")
                .hasValue("attachment; filename*=UTF-8''bordereau.tif");

        assertThat(http.send(http.request("/api/memoires/" + number + "/attachments/" + body(pdf).get("id").asText())
                .header("Authorization", manager.basic()).DELETE()).statusCode()).isEqualTo(204);
    }

    @Test
    void badFilesAreRefusedWithTheirReason() throws IOException {
        var renamed = attach(manager, new Multipart().file("file", "faux.pdf", "application/pdf",
                "pas un PDF".getBytes(StandardCharsets.UTF_8)).text("kind", "AUTRE"), "");
        assertThat(renamed.statusCode()).isEqualTo(400);
        assertThat(body(renamed).get("errors").get(0).get("code").asText()).isEqualTo("UNSUPPORTED_TYPE");

        var longName = attach(manager, new Multipart().file("file", "x".repeat(51) + ".pdf", "application/pdf", Multipart.pdf())
                .text("kind", "AUTRE"), "");
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(body(longName).get("errors").get(0).get("code").asText()).isEqualTo("NAME_TOO_LONG");

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(Multipart.pdf(), 0, big, 0, Multipart.pdf().length);
        assertThat(attach(manager, new Multipart().file("file", "gros.pdf", "application/pdf", big).text("kind", "AUTRE"), "")
                .statusCode()).isEqualTo(413);

        var noKind = attach(manager, new Multipart().file("file", "r.pdf", "application/pdf", Multipart.pdf()), "");
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(attach(manager, new Multipart().file("file", "r.pdf", "application/pdf", Multipart.pdf()).text("kind", "AUTRE"),
                "?lineId=" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherStructureNeitherAttachesNorReads() throws IOException {
        Providers.Provider stranger = providers.withOwnStructure();
        var mine = attach(manager, new Multipart().file("file", "r.pdf", "application/pdf", Multipart.pdf()).text("kind", "AUTRE"), "");

        assertThat(attach(stranger, new Multipart().file("file", "r.pdf", "application/pdf", Multipart.pdf())
                .text("kind", "AUTRE"), "").statusCode()).isEqualTo(404);
        assertThat(http.send(http.request("/api/memoires/" + number + "/attachments/" + body(mine).get("id").asText())
                .header("Authorization", stranger.basic())).statusCode()).isEqualTo(404);
    }
}
