package fr.fraisdejustice.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.memoire.SentMemoireFixture;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Multipart;

/** The tickets API: each endpoint's success and its refusals, and who may see what. */
@IntegrationTest
class TicketApiTest {

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired Tickets tickets;
    @Autowired ObjectMapper json;
    @Autowired ApplicationContext context;
    @LocalServerPort int port;

    Http http;
    Providers.Provider requester;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        requester = providers.withOwnStructure();
    }

    Map<String, Object> ticket(String subcategory, String objectNumber) {
        Map<String, Object> body = new HashMap<>(Map.of("subcategory", subcategory, "structureId", requester.structureId(),
                "contactEmail", requester.email(), "title", "Mon mémoire n'avance pas", "description", "Depuis un mois."));
        if (objectNumber != null) {
            body.put("objectNumber", objectNumber);
        }
        return body;
    }

    HttpResponse<String> call(String method, String path, Object body, Providers.Provider who) throws IOException {
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return http.send(who == null ? request : request.header("Authorization", who.basic()));
    }

    JsonNode read(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    @Test
    void theReferenceListIsPublic() throws IOException {
        JsonNode categories = read(http.get("/api/reference/ticket-categories"));
        assertThat(categories.findValuesAsText("code")).contains("COMPTE", "MEMOIRE", "RENVOI_ACTIVATION", "SUIVI_MEMOIRE");
        assertThat(categories.get(0).get("subcategories").get(0).get("label").asText()).isEqualTo("Renvoi du courriel d'activation");
    }

    @Test
    void aTicketAboutAMemoireOfHisGoesToItsServiceAndOneAboutAnotherStructuresIsRefused() throws IOException {
        SentMemoireFixture.Sent sent = SentMemoireFixture.send(context, port);
        requester = sent.manager();
        HttpResponse<String> created = call("POST", "/api/tickets", ticket("SUIVI_MEMOIRE", sent.mjNumber()), requester);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(read(created).get("number").asText()).matches("SOL\\d{11}");
        assertThat(read(created).get("status").asText()).isEqualTo("OUVERT");
        assertThat(read(created).get("recipient").asText()).isEqualTo("SERVICE_METIER");
        assertThat(read(created).get("recipientLabel").asText()).isEqualTo("Greffe du Tribunal judiciaire de Paris");

        Providers.Provider other = providers.withOwnStructure();
        Map<String, Object> foreign = new HashMap<>(ticket("SUIVI_MEMOIRE", sent.mjNumber()));
        foreign.put("structureId", other.structureId());
        foreign.put("contactEmail", other.email());
        HttpResponse<String> refused = call("POST", "/api/tickets", foreign, other);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused).get("errors").get(0).get("code").asText()).isEqualTo("UNKNOWN_MEMOIRE");
        HttpResponse<String> unknown = call("POST", "/api/tickets", ticket("SUIVI_MEMOIRE", "MJ9999999999"), requester);
        assertThat(read(unknown).get("errors").get(0).get("field").asText()).isEqualTo("objectNumber");
        assertThat(read(call("GET", "/api/tickets/" + read(created).get("number").asText(), null, other)).get("code").asText())
                .isEqualTo("TICKET_NOT_FOUND");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsCreated() throws IOException {
        Map<String, Object> body = new HashMap<>(ticket("INCONNUE", null));
        body.put("contactEmail", "pas-une-adresse");
        body.put("title", " ");
        HttpResponse<String> refused = call("POST", "/api/tickets", body, requester);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused).get("errors").findValuesAsText("field")).contains("subcategory", "contactEmail", "title");
        assertThat(read(call("GET", "/api/tickets?view=OPEN", null, requester))).isEmpty();
        assertThat(call("POST", "/api/tickets", ticket("RENVOI_ACTIVATION", "personne@example.fr"), requester).statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/api/tickets?view=TOUT", null, requester).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/tickets", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aDraftIsKeptChangedThenSentAndTheViewsSortTickets() throws IOException {
        Map<String, Object> body = new HashMap<>(ticket("DEPOT_FLUX", null));
        body.put("draft", true);
        String number = read(call("POST", "/api/tickets", body, requester)).get("number").asText();
        assertThat(read(call("GET", "/api/tickets/" + number, null, requester)).get("status").asText()).isEqualTo("BROUILLON");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();

        body.put("title", "Flux refusé");
        assertThat(read(call("PUT", "/api/tickets/" + number, body, requester)).get("title").asText()).isEqualTo("Flux refusé");
        assertThat(read(call("GET", "/api/tickets/" + number, null, requester)).hasNonNull("recipientLabel")).isFalse();
        JsonNode sent = read(call("POST", "/api/tickets/" + number + "/submission", null, requester));
        assertThat(sent.get("status").asText()).isEqualTo("OUVERT");
        assertThat(sent.get("recipientLabel").asText()).isEqualTo("Support national");
        assertThat(call("PUT", "/api/tickets/" + number, body, requester).statusCode()).isEqualTo(409);

        assertThat(read(call("GET", "/api/tickets?view=OPEN", null, requester)).findValuesAsText("number")).containsExactly(number);
        assertThat(read(call("GET", "/api/tickets?view=ACTIONS_REQUIRED", null, requester))).isEmpty();
        assertThat(call("POST", "/api/tickets/" + number + "/closure", null, requester).statusCode()).isEqualTo(200);
        HttpResponse<String> twice = call("POST", "/api/tickets/" + number + "/closure", null, requester);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(read(twice).get("code").asText()).isEqualTo("TICKET_CLOSED");
        assertThat(call("POST", "/api/tickets/" + number + "/acceptance", null, requester).statusCode()).isEqualTo(409);
        assertThat(read(call("GET", "/api/tickets?view=CLOSED", null, requester)).findValuesAsText("number")).containsExactly(number);
    }

    @Test
    void attachmentsAreCheckedByContentAndTheSupportOpensThem() throws IOException {
        String number = read(call("POST", "/api/tickets", ticket("DEPOT_FLUX", null), requester)).get("number").asText();
        String path = "/api/tickets/" + number + "/attachments";

        Multipart fake = new Multipart().file("file", "capture.pdf", "application/pdf", "pas un PDF".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = http.send(http.request(path).header("Authorization", requester.basic())
                .header("Content-Type", fake.contentType()).POST(fake.publisher()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused).get("errors").get(0).get("code").asText()).isEqualTo("UNSUPPORTED_TYPE");
        Multipart pdf = new Multipart().file("file", "flux.pdf", "application/pdf", Multipart.pdf());
        HttpResponse<String> added = http.send(http.request(path).header("Authorization", requester.basic())
                .header("Content-Type", pdf.contentType()).POST(pdf.publisher()));
        assertThat(added.statusCode()).isEqualTo(201);
        String link = "/api/staff/tickets/" + number + "/attachments/" + read(added).get("id").asText();

        HttpResponse<byte[]> opened = http.sendBytes(http.request(link).header("Authorization", Http.basic("thomas.petit", "Support-2026")));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Disposition")).hasValue("inline; filename*=UTF-8''flux.pdf");
        assertThat(opened.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(http.send(http.request(link).header("Authorization", Http.basic("camille.martin", "Greffe-Paris-2026")))
                .statusCode()).isEqualTo(404);
        Providers.Provider outsider = providers.withOwnStructure();
        assertThat(http.send(http.request(path).header("Authorization", outsider.basic())
                .header("Content-Type", pdf.contentType()).POST(pdf.publisher())).statusCode()).isEqualTo(404);
    }

    @Test
    void theListIsSearchedByKeywordNumberAndStatusAndExportedAsACsvThatRunsNoFormula() throws IOException {
        Map<String, Object> late = new HashMap<>(ticket("DEPOT_FLUX", null));
        late.put("title", "Paiement en retard de mars");
        String first = read(call("POST", "/api/tickets", late, requester)).get("number").asText();
        Map<String, Object> formula = new HashMap<>(ticket("DEPOT_FLUX", null));
        formula.put("title", "=HYPERLINK(\"https://exemple.invalid\";\"Cliquez\")");
        formula.put("description", "Mon flux XML est refusé en bloc.");
        String second = read(call("POST", "/api/tickets", formula, requester)).get("number").asText();
        Map<String, Object> kept = new HashMap<>(ticket("DEPOT_FLUX", null));
        kept.put("draft", true);
        String draft = read(call("POST", "/api/tickets", kept, requester)).get("number").asText();
        Providers.Provider other = providers.withOwnStructure();
        Map<String, Object> theirs = new HashMap<>(ticket("DEPOT_FLUX", null));
        theirs.put("structureId", other.structureId());
        theirs.put("title", "Paiement en retard, chez un autre");
        String foreign = read(call("POST", "/api/tickets", theirs, other)).get("number").asText();

        assertThat(read(call("GET", "/api/tickets?q=PAIEMENT", null, requester)).findValuesAsText("number")).containsExactly(first);
        assertThat(read(call("GET", "/api/tickets?q=flux%20xml", null, requester)).findValuesAsText("number")).containsExactly(second);
        assertThat(read(call("GET", "/api/tickets?number=" + first.toLowerCase(), null, requester)).findValuesAsText("number"))
                .containsExactly(first);
        assertThat(read(call("GET", "/api/tickets?number=" + foreign, null, requester))).isEmpty();
        assertThat(read(call("GET", "/api/tickets?status=BROUILLON", null, requester)).findValuesAsText("number")).containsExactly(draft);
        assertThat(read(call("GET", "/api/tickets?status=OUVERT&q=retard", null, requester)).findValuesAsText("number"))
                .containsExactly(first);
        assertThat(read(call("GET", "/api/tickets?view=CLOSED&q=retard", null, requester))).isEmpty();
        HttpResponse<String> badStatus = call("GET", "/api/tickets?status=PAYE", null, requester);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(read(badStatus).get("errors").get(0).get("field").asText()).isEqualTo("status");

        HttpResponse<byte[]> csv = http.sendBytes(http.request("/api/tickets/export?view=OPEN").header("Authorization", requester.basic()));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("sollicitations.csv"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFNuméro;Titre;Catégorie;Sous-catégorie;N° d'objet;Statut;Destinataire;Créée le;Mise à jour le\r\n")
                .contains(first + ";Paiement en retard de mars;Mémoires;Dépôt flux;;Ouvert;Support national;")
                .contains(second + ";\"'=HYPERLINK(\"\"https://exemple.invalid\"\";\"\"Cliquez\"\")\";")
                .contains(draft + ";").doesNotContain(foreign);
        String searched = new String(http.sendBytes(http.request("/api/tickets/export?q=retard")
                .header("Authorization", requester.basic())).body(), StandardCharsets.UTF_8);
        assertThat(searched.lines().toList()).hasSize(2);
        assertThat(http.sendBytes(http.request("/api/tickets/export")).statusCode()).isEqualTo(401);
        assertThat(http.sendBytes(http.request("/api/tickets/export?view=TOUT").header("Authorization", requester.basic()))
                .statusCode()).isEqualTo(400);
    }
}
