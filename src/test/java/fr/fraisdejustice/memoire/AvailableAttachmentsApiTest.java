package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** A pièce jointe linked to a line with a désignation, and « pièces disponibles » taken again by another draft. */
@IntegrationTest
class AvailableAttachmentsApiTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    Providers providers;

    @LocalServerPort
    int port;

    Http http;
    DraftsOfAStructure drafts;

    @BeforeEach
    void setUp() throws IOException {
        http = new Http(port);
        drafts = new DraftsOfAStructure(http, json, StructureWithBankAccount.create(providers, http, json));
    }

    @Test
    void anAttachmentIsLinkedToALineWithADesignation() throws IOException {
        String number = drafts.draft(Map.of());
        String line = drafts.line(number, "26-001", "OPJ", "1", "10", "20").get("id").asText();

        JsonNode added = drafts.read(drafts.attach(number, drafts.manager(), DraftsOfAStructure.pdf("a"),
                Map.of("kind", "REQUISITION", "lineId", line, "designation", "  Réquisition du 12 novembre ")));

        assertThat(added.get("lineId").asText()).isEqualTo(line);
        assertThat(added.get("designation").asText()).isEqualTo("Réquisition du 12 novembre");
        assertThat(added.get("kindLabel").asText()).isEqualTo("Réquisition");
        var tooLong = drafts.attach(number, drafts.manager(), DraftsOfAStructure.pdf("b"),
                Map.of("kind", "REQUISITION", "designation", "x".repeat(101)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(drafts.read(tooLong).get("errors").get(0).get("field").asText()).isEqualTo("designation");
        assertThat(drafts.read(drafts.call("GET", "/api/memoires/" + number + "/attachments", null, drafts.manager())))
                .hasSize(1);
    }

    @Test
    void aDocumentOfAnotherMemoireOfTheStructureIsOfferedAndTakenAgain() throws IOException {
        String first = drafts.draft(Map.of());
        String attachmentId = drafts.read(drafts.attach(first, drafts.manager(), DraftsOfAStructure.pdf("commune"),
                Map.of("kind", "ATTESTATION_MISSION", "designation", "Attestation annuelle"))).get("id").asText();
        String second = drafts.draft(Map.of());
        String line = drafts.line(second, "26-002", "OPJ", "1", "10", "20").get("id").asText();

        JsonNode available = drafts.read(drafts.call("GET", "/api/memoires/" + second + "/available-attachments", null,
                drafts.manager()));
        assertThat(available).hasSize(1);
        assertThat(available.get(0).get("id").asText()).isEqualTo(attachmentId);
        assertThat(available.get(0).get("memoireNumber").asText()).isEqualTo(first);
        assertThat(available.get(0).get("designation").asText()).isEqualTo("Attestation annuelle");
        assertThat(available.get(0).get("kindLabel").asText()).isEqualTo("Attestation de mission");

        var reused = drafts.call("POST", "/api/memoires/" + second + "/attachments/reuse",
                Map.of("attachmentId", attachmentId, "lineId", line), drafts.manager());
        assertThat(reused.statusCode()).isEqualTo(201);
        assertThat(drafts.read(reused).get("lineId").asText()).isEqualTo(line);
        assertThat(drafts.read(reused).get("designation").asText()).isEqualTo("Attestation annuelle");
        assertThat(drafts.read(reused).get("kind").asText()).isEqualTo("ATTESTATION_MISSION");
        String copy = drafts.read(reused).get("id").asText();
        var content = http.sendBytes(http.request("/api/memoires/" + second + "/attachments/" + copy)
                .header("Authorization", drafts.manager().basic()));
        assertThat(content.body()).isEqualTo(DraftsOfAStructure.pdf("commune"));
        assertThat(drafts.read(drafts.call("GET", "/api/memoires/" + second + "/available-attachments", null,
                drafts.manager()))).as("a document the draft holds is no longer offered").isEmpty();
    }

    @Test
    void onlyTheStructuresOwnDocumentsAreTakenAndOnlyByTheModificationProfile() throws IOException {
        String mine = drafts.draft(Map.of());
        DraftsOfAStructure others = new DraftsOfAStructure(http, json, StructureWithBankAccount.create(providers, http, json));
        String theirs = others.draft(Map.of());
        String theirAttachment = drafts.read(others.attach(theirs, others.manager(), DraftsOfAStructure.pdf("autre"),
                Map.of("kind", "REQUISITION"))).get("id").asText();
        String myOther = drafts.draft(Map.of());
        String myAttachment = drafts.read(drafts.attach(myOther, drafts.manager(), DraftsOfAStructure.pdf("mienne"),
                Map.of("kind", "REQUISITION"))).get("id").asText();
        Providers.Provider reader = providers.memberOf(drafts.manager());

        assertThat(drafts.read(drafts.call("GET", "/api/memoires/" + mine + "/available-attachments", null,
                drafts.manager())).findValuesAsText("id")).containsExactly(myAttachment);
        assertThat(reuse(mine, theirAttachment, drafts.manager()).statusCode()).isEqualTo(404);
        assertThat(reuse(mine, null, drafts.manager()).statusCode()).isEqualTo(404);
        assertThat(reuse(mine, myAttachment, reader).statusCode()).isEqualTo(403);
        assertThat(reuse(theirs, myAttachment, drafts.manager()).statusCode()).isEqualTo(404);
        assertThat(drafts.call("GET", "/api/memoires/" + theirs + "/available-attachments", null, drafts.manager())
                .statusCode()).isEqualTo(404);
        assertThat(http.get("/api/memoires/" + mine + "/available-attachments").statusCode()).isEqualTo(401);
        var badDesignation = drafts.call("POST", "/api/memoires/" + mine + "/attachments/reuse",
                Map.of("attachmentId", myAttachment, "designation", "x".repeat(101)), drafts.manager());
        assertThat(badDesignation.statusCode()).isEqualTo(400);
        assertThat(drafts.read(drafts.call("GET", "/api/memoires/" + mine + "/attachments", null, drafts.manager())))
                .as("nothing half-saved").isEmpty();
    }

    private java.net.http.HttpResponse<String> reuse(String number, String attachmentId, Providers.Provider who)
            throws IOException {
        Map<String, Object> body = new HashMap<>();
        body.put("attachmentId", attachmentId);
        return drafts.call("POST", "/api/memoires/" + number + "/attachments/reuse", body, who);
    }
}
