package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.structure.ProviderCategory;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Multipart;

/**
 * The provider's follow-up API (history, complement, appeal, duplicate, abandon) with its refusals, and what the staff
 * reach outside Tasklist: the attachments the forms link to, and the engine REST API the forms submit to.
 */
@IntegrationTest
class MemoireFollowUpApiTest {

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired MandateSignature mandates;
    @Autowired MemoireDrafts drafts;
    @Autowired MemoireAttachments attachments;
    @Autowired MemoireSubmission submission;
    @Autowired ObjectMapper json;
    @Autowired GreenMail mailServer;
    @LocalServerPort int port;

    Http http;
    SentMemoires sent;
    Providers.Provider manager;

    @BeforeEach
    void setUp() throws IOException {
        http = new Http(port);
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, http, json);
        ready.signMandate(engine, mandates, mailServer);
        sent = new SentMemoires(ready, drafts, attachments, submission, engine);
        manager = ready.manager();
    }

    HttpResponse<String> post(String path, Object body, String authorization) throws IOException {
        return http.send(http.request(path).header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    JsonNode read(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    void refuse(String mj) {
        sent.complete(mj, "Task_CertifyMemoire", "camille.martin", "greffe-TJ75101",
                Map.of("certificationDecision", "REFUSER", "refusalReason", "AUTRE", "comment", "Erreur de juridiction."));
    }

    @Test
    void theProviderFollowsHisMemoireWithItsHistoryAndNobodyElseSeesIt() throws IOException {
        String mj = sent.tariffed();
        refuse(mj);

        JsonNode memoire = read(http.send(http.request("/api/memoires/" + mj).header("Authorization", manager.basic())));
        assertThat(memoire.get("status").asText()).isEqualTo("REFUSE");
        assertThat(memoire.get("statusLabel").asText()).isEqualTo("Refusé");
        assertThat(memoire.get("availableActions").toString()).isEqualTo("[\"DUPLIQUER\",\"ABANDONNER\"]");
        assertThat(memoire.get("history").findValuesAsText("status"))
                .containsExactly("BROUILLON", "DEPOSE", "MIS_A_DISPOSITION", "REFUSE");
        assertThat(memoire.get("history").get(3).get("reason").asText()).isEqualTo("Autre motif (voir le commentaire) — Erreur de juridiction.");
        assertThat(memoire.get("history").get(3).get("actor").asText()).isEqualTo("Greffe — Tribunal judiciaire de Paris");

        Providers.Provider outsider = providers.withOwnStructure();
        assertThat(http.send(http.request("/api/memoires/" + mj).header("Authorization", outsider.basic())).statusCode()).isEqualTo(404);
        assertThat(post("/api/memoires/" + mj + "/duplicate", Map.of(), outsider.basic()).statusCode()).isEqualTo(404);
        Providers.Provider reader = providers.memberOf(manager);
        http.send(http.request("/api/structures/" + manager.structureId() + "/members/" + reader.accountId())
                .header("Content-Type", "application/json").header("Authorization", manager.basic())
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"profiles\":[\"FRAIS_DE_JUSTICE_CONSULTATION\"]}")));
        HttpResponse<String> readOnly = post("/api/memoires/" + mj + "/abandon", Map.of(), reader.basic());
        assertThat(readOnly.statusCode()).isEqualTo(403);
        assertThat(read(readOnly).get("code").asText()).isEqualTo("PROFILE_REQUIRED");
    }

    @Test
    void anySentMemoireIsCopiedIntoANewDraftAndStaysAsItIs() throws IOException {
        String mj = sent.tariffed();

        HttpResponse<String> duplicate = post("/api/memoires/" + mj + "/duplicate", Map.of(), manager.basic());

        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(201);
        JsonNode copy = read(duplicate);
        assertThat(copy.get("status").asText()).isEqualTo("BROUILLON");
        assertThat(copy.get("lines")).hasSize(1);
        JsonNode original = read(http.send(http.request("/api/memoires/" + mj).header("Authorization", manager.basic())));
        assertThat(original.get("status").asText()).isEqualTo("MIS_A_DISPOSITION");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(mj).count()).isEqualTo(1);

        HttpResponse<String> draftCopy = post("/api/memoires/" + copy.get("number").asText() + "/duplicate", Map.of(), manager.basic());
        assertThat(draftCopy.statusCode()).isEqualTo(409);
        assertThat(read(draftCopy).get("code").asText()).isEqualTo("DRAFT_NOT_DUPLICABLE");
    }

    @Test
    void aDraftIsAbandonedWithoutAProcess() throws IOException {
        String draft = sent.draft(ProviderCategory.INTERPRETE_TRADUCTEUR, List.of(SentMemoires.SMALL_TARIFFED));

        HttpResponse<String> abandoned = post("/api/memoires/" + draft + "/abandon", Map.of(), manager.basic());

        assertThat(abandoned.statusCode()).as(abandoned.body()).isEqualTo(200);
        assertThat(read(abandoned).get("status").asText()).isEqualTo("ABANDONNE");
        assertThat(post("/api/memoires/" + draft + "/submission", Map.of("swornStatement", true), manager.basic()).statusCode())
                .isEqualTo(409);
    }

    @Test
    void transitionsTheStatusForbidsAreRefusedWithA409() throws IOException {
        String mj = sent.tariffed();

        HttpResponse<String> abandon = post("/api/memoires/" + mj + "/abandon", Map.of(), manager.basic());
        assertThat(abandon.statusCode()).isEqualTo(409);
        assertThat(read(abandon).get("code").asText()).isEqualTo("STATUS_FORBIDS_ACTION");
        assertThat(read(abandon).get("detail").asText()).contains("« Mis à disposition »", "l'abandonner");
        assertThat(post("/api/memoires/" + mj + "/complement", Map.of("information", "Voici"), manager.basic()).statusCode())
                .isEqualTo(409);
        assertThat(post("/api/memoires/" + mj + "/appeal", Map.of("reason", "Trop peu"), manager.basic()).statusCode())
                .isEqualTo(409);
        HttpResponse<String> empty = post("/api/memoires/" + mj + "/complement", Map.of(), manager.basic());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(read(empty).get("errors").get(0).get("field").asText()).isEqualTo("information");

        sent.complete(mj, "Task_CertifyMemoire", "camille.martin", "greffe-TJ75101", Map.of("certificationDecision", "CERTIFIER"));
        sent.complete(mj, "Task_OrderPayment", "nicolas.thomas", "sar-CA_PARIS", Map.of("paymentOrdered", true));
        sent.complete(mj, "Task_ReleasePayment", "isabelle.richard", "comptable", Map.of("paymentDate", "2026-12-01", "paidAmount", 120));
        HttpResponse<String> abandonPaid = post("/api/memoires/" + mj + "/abandon", Map.of(), manager.basic());
        assertThat(abandonPaid.statusCode()).isEqualTo(409);
        assertThat(read(abandonPaid).get("detail").asText()).contains("« Mis en paiement »");
    }

    @Test
    void aDoubleClickOnDuplicateMakesOneDraft() throws Exception {
        String mj = sent.tariffed();
        refuse(mj);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> clicks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                clicks.add(() -> post("/api/memoires/" + mj + "/duplicate", Map.of(), manager.basic()).statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> click : pool.invokeAll(clicks)) {
                codes.add(click.get());
            }
            assertThat(codes).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aSuspendedMemoireTakesNewAttachmentsAndItsCertificateStillVerifies() throws IOException {
        String mj = sent.tariffed();
        String fingerprint = read(http.send(http.request("/api/memoires/" + mj).header("Authorization", manager.basic())))
                .get("fingerprint").asText();
        sent.complete(mj, "Task_CertifyMemoire", "camille.martin", "greffe-TJ75101",
                Map.of("certificationDecision", "COMPLEMENT", "complementRequest", "Joignez l'attestation."));

        Multipart file = new Multipart().file("file", "attestation.pdf", "application/pdf", Multipart.pdf())
                .text("kind", "ATTESTATION_MISSION");
        assertThat(http.send(http.request("/api/memoires/" + mj + "/attachments").header("Authorization", manager.basic())
                .header("Content-Type", file.contentType()).POST(file.publisher())).statusCode()).isEqualTo(201);
        HttpResponse<String> completed = post("/api/memoires/" + mj + "/complement",
                Map.of("information", "L'attestation est jointe."), manager.basic());

        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(read(completed).get("status").asText()).isEqualTo("COMPLETE");
        assertThat(read(post("/api/certificates/verification", Map.of("number", mj, "fingerprint", fingerprint), manager.basic()))
                .get("valid").asBoolean()).isTrue();
    }

    @Test
    void theFormsAttachmentLinksOpenInTheBrowserForTheGroupsOfTheMemoiresCurrentAndPastTasksOnly() throws IOException {
        String mj = sent.tariffed();
        String link = read(http.send(http.request("/api/memoires/" + mj + "/attachments").header("Authorization", manager.basic())))
                .findValuesAsText("id").stream().map(id -> "/api/staff/memoires/" + mj + "/attachments/" + id).findFirst().orElseThrow();
        String parisClerk = Http.basic("camille.martin", "Greffe-Paris-2026");
        String parisSar = Http.basic("nicolas.thomas", "Sar-Paris-2026");
        String comptable = Http.basic("isabelle.richard", "Comptable-2026");

        HttpResponse<byte[]> clerk = http.sendBytes(http.request(link).header("Authorization", parisClerk));
        assertThat(clerk.statusCode()).isEqualTo(200);
        assertThat(new String(clerk.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(clerk.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/pdf"));
        assertThat(clerk.headers().firstValue("Content-Disposition")).hasValue("inline; filename*=UTF-8''requisition.pdf");
        assertThat(clerk.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(status(link, Http.basic("amelie.robert", "Greffe-Lyon-2026"))).as("another office's clerk").isEqualTo(404);
        assertThat(status(link, parisSar)).as("the SAR before the payment is to be ordered").isEqualTo(404);
        assertThat(status(link, comptable)).as("the comptable before the payment is to be released").isEqualTo(404);
        HttpResponse<String> anonymous = http.get(link);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(http.send(http.request(link).header("Authorization", manager.basic())).statusCode()).isEqualTo(401);

        sent.complete(mj, "Task_CertifyMemoire", "camille.martin", "greffe-TJ75101", Map.of("certificationDecision", "CERTIFIER"));

        assertThat(status(link, parisSar)).as("the SAR, whose task is current").isEqualTo(200);
        assertThat(status(link, parisClerk)).as("the clerk, whose task is past").isEqualTo(200);
        assertThat(status(link, comptable)).as("the comptable, not reached yet").isEqualTo(404);
        assertThat(status(link, Http.basic("julien.bernard", "Parquet-Paris-2026"))).as("the parquet, never asked").isEqualTo(404);
    }

    private int status(String link, String authorization) {
        return http.sendBytes(http.request(link).header("Authorization", authorization)).statusCode();
    }

    @Test
    void throughTheEngineRestApiTheSecondClerkGetsAConflictAndAnotherOfficeSeesNothing() throws IOException {
        String mj = sent.tariffed();
        String camille = Http.basic("camille.martin", "Greffe-Paris-2026");
        String query = "/engine-rest/task?processInstanceBusinessKey=" + mj;
        assertThat(http.send(http.request(query).header("Authorization", Http.basic("amelie.robert", "Greffe-Lyon-2026")))
                .body()).isEqualTo("[]");
        String taskId = read(http.send(http.request(query).header("Authorization", camille))).get(0).get("id").asText();
        Map<String, Object> form = Map.of("variables", Map.of("certificationDecision", Map.of("value", "CERTIFIER")));

        HttpResponse<String> intruder = post("/engine-rest/task/" + taskId + "/submit-form", form,
                Http.basic("amelie.robert", "Greffe-Lyon-2026"));
        assertThat(intruder.statusCode()).isEqualTo(403);
        assertThat(post("/engine-rest/task/" + taskId + "/submit-form", form, camille).statusCode()).isEqualTo(204);
        HttpResponse<String> second = post("/engine-rest/task/" + taskId + "/submit-form", form, camille);

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(read(second).get("message").asText()).startsWith("Cette tâche a déjà été traitée");
        JsonNode memoire = read(http.send(http.request("/api/memoires/" + mj).header("Authorization", manager.basic())));
        assertThat(memoire.get("history").findValuesAsText("status")).containsOnlyOnce("CERTIFIE");
    }
}
