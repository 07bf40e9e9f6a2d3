package fr.fraisdejustice.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;

/** The mandate endpoints: generation, the PDF, the anonymous signature, revocation and prerequisite 02. */
@IntegrationTest
class MandateApiTest {

    private static final Pattern TOKEN = Pattern.compile("jeton=([A-Za-z0-9_-]+)");

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Providers providers;

    @Autowired
    GreenMail mailServer;

    @LocalServerPort
    int port;

    Http http;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        http = new Http(port);
        mailbox = new Mailbox(mailServer);
    }

    HttpResponse<String> post(String path, String body, String authorization) {
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(authorization == null ? request : request.header("Authorization", authorization));
    }

    JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    String generateAndMail(Providers.Provider manager, String label) throws IOException {
        var created = post("/api/structures/" + manager.structureId() + "/mandates", "{\"label\":\"" + label + "\"}", manager.basic());
        assertThat(created.statusCode()).isEqualTo(201);
        String id = body(created).get("id").asText();
        String instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(MandateSignature.PROCESS_KEY).processInstanceBusinessKey(id).singleResult().getId();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(instance).singleResult().getId());
        var mails = mailbox.to(manager.email());
        Matcher matcher = TOKEN.matcher(Mailbox.body(mails.get(mails.size() - 1)));
        assertThat(matcher.find()).isTrue();
        return id + " " + matcher.group(1);
    }

    @Test
    void theGestionnaireGeneratesSignsAndRevokesAndPrerequisite02Follows() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        String[] generated = generateAndMail(manager, "Mandat 2026").split(" ");
        assertThat(prerequisite02(manager)).isFalse();

        var signed = post("/api/mandates/signature", "{\"token\":\"" + generated[1] + "\"}", null);
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(body(signed).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(prerequisite02(manager)).isTrue();

        var reused = post("/api/mandates/signature", "{\"token\":\"" + generated[1] + "\"}", null);
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(post("/api/mandates/signature", "{\"token\":\"n'importe quoi\"}", null).statusCode()).isEqualTo(410);

        var revoked = post("/api/structures/" + manager.structureId() + "/mandates/" + generated[0] + "/revocation", "", manager.basic());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(body(revoked).get("status").asText()).isEqualTo("REVOQUE");
        assertThat(body(revoked).get("revokedAt").asText()).isNotBlank();
        assertThat(prerequisite02(manager)).isFalse();
    }

    @Test
    void theMandatePdfNamesTheStructureTheSignatoryAndTheRegulatoryText() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        String[] generated = generateAndMail(manager, "Mandat PDF").split(" ");
        post("/api/mandates/signature", "{\"token\":\"" + generated[1] + "\"}", null);

        var pdf = http.sendBytes(http.request("/api/structures/" + manager.structureId() + "/mandates/" + generated[0] + "/document")
                .header("Authorization", manager.basic()));

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Mandat de facturation", "Mandat PDF", "Cabinet Martin", "Paul Martin",
                    "289, I-2 du code général des impôts", "Signé le");
        }
    }

    @Test
    void onlyTheGestionnaireGeneratesAndOtherStructuresSeeNothing() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider member = providers.memberOf(manager);
        Providers.Provider stranger = providers.withOwnStructure();
        String path = "/api/structures/" + manager.structureId() + "/mandates";

        assertThat(post(path, "{\"label\":\"X\"}", member.basic()).statusCode()).isEqualTo(403);
        assertThat(post(path, "{\"label\":\"X\"}", stranger.basic()).statusCode()).isEqualTo(404);
        assertThat(http.send(http.request(path).header("Authorization", stranger.basic())).statusCode()).isEqualTo(404);
        assertThat(http.send(http.request(path).header("Authorization", member.basic())).statusCode()).isEqualTo(200);
        var noLabel = post(path, "{\"label\":\"  \"}", manager.basic());
        assertThat(noLabel.statusCode()).isEqualTo(400);
        assertThat(body(noLabel).get("errors").get(0).get("field").asText()).isEqualTo("label");
    }

    private boolean prerequisite02(Providers.Provider who) throws IOException {
        for (JsonNode p : body(http.send(http.request("/api/structures/" + who.structureId() + "/prerequisites")
                .header("Authorization", who.basic())))) {
            if (p.get("code").asText().equals("02")) {
                return p.get("satisfied").asBoolean();
            }
        }
        throw new AssertionError("pas de prérequis 02");
    }

    @Test
    void theSignatureLinkShowsTheMandatesTextStructureAndPdfBeforeSigning() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        String[] generated = generateAndMail(manager, "Mandat à lire").split(" ");

        var toSign = http.send(http.request("/api/mandates/signature?token=" + generated[1]));

        assertThat(toSign.statusCode()).isEqualTo(200);
        JsonNode mandate = body(toSign);
        assertThat(mandate.get("label").asText()).isEqualTo("Mandat à lire");
        assertThat(mandate.get("structureName").asText()).isEqualTo("Cabinet Martin");
        assertThat(mandate.get("text").asText()).contains("289, I-2 du code général des impôts");
        var pdf = http.sendBytes(http.request(mandate.get("documentUrl").asText()));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Mandat à lire", "En attente de signature");
        }
        assertThat(http.send(http.request("/api/mandates/signature?format=pdf&token=inconnu")).statusCode()).isEqualTo(410);
        assertThat(body(post("/api/mandates/signature", "{\"token\":\"" + generated[1] + "\"}", null)).get("status").asText())
                .as("reading signed nothing").isEqualTo("ACTIVE");
        assertThat(http.send(http.request(mandate.get("documentUrl").asText())).statusCode()).as("once signed").isEqualTo(410);
    }
}
