package fr.fraisdejustice.bankaccount;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

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

/** Bank details of a structure: who may read and change them, what is refused, what prerequisite 01 sees. */
@IntegrationTest
class BankAccountApiTest {

    static final String RIB = "{\"name\":\"Compte courant\",\"type\":\"RIB\",\"bankCode\":\"30002\",\"branchCode\":\"00550\","
            + "\"accountNumber\":\"0000157845Z\",\"ribKey\":\"02\"}";

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Providers providers;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        http = new Http(port);
    }

    HttpResponse<String> add(Providers.Provider who, UUID structureId, Multipart body) {
        return http.send(http.request("/api/structures/" + structureId + "/bank-accounts")
                .header("Authorization", who.basic()).header("Content-Type", body.contentType()).POST(body.publisher()));
    }

    JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    @Test
    void theGestionnaireAddsARibWithItsPdfAndMembersSeeIt() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();

        var created = add(manager, manager.structureId(), new Multipart().json("bankAccount", RIB)
                .file("document", "rib.pdf", "application/pdf", Multipart.pdf()));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(body(created).get("active").asBoolean()).isTrue();
        var list = http.send(http.request("/api/structures/" + manager.structureId() + "/bank-accounts")
                .header("Authorization", manager.basic()));
        assertThat(body(list)).hasSize(1);
        assertThat(body(list).get(0).get("ribKey").asText()).isEqualTo("02");
    }

    @Test
    void anIbanWithItsBicIsAccepted() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        var created = add(manager, manager.structureId(), new Multipart()
                .json("bankAccount", "{\"name\":\"IBAN\",\"type\":\"IBAN\",\"iban\":\"FR76 3000 6000 0112 3456 7890 189\",\"bic\":\"BNPAFRPP\"}")
                .file("document", "iban.png", "image/png", png()));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(body(created).get("iban").asText()).isEqualTo("FR7630006000011234567890189");
    }

    @Test
    void aWrongKeyIsRefusedOnItsFieldAndNothingIsSaved() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        var refused = add(manager, manager.structureId(), new Multipart().json("bankAccount", RIB.replace("\"02\"", "\"03\""))
                .file("document", "rib.pdf", "application/pdf", Multipart.pdf()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused).get("errors").get(0).get("field").asText()).isEqualTo("ribKey");
        assertThat(body(http.send(http.request("/api/structures/" + manager.structureId() + "/bank-accounts")
                .header("Authorization", manager.basic())))).isEmpty();
    }

    @Test
    void aDocumentIsJudgedByItsContentNotItsName() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        var fake = add(manager, manager.structureId(), new Multipart().json("bankAccount", RIB)
                .file("document", "rib.pdf", "application/pdf", "ceci n'est pas un PDF".getBytes(StandardCharsets.UTF_8)));
        assertThat(fake.statusCode()).isEqualTo(400);
        assertThat(body(fake).get("errors").get(0).get("code").asText()).isEqualTo("UNSUPPORTED_TYPE");

        var missing = add(manager, manager.structureId(), new Multipart().json("bankAccount", RIB));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(body(missing).get("errors").get(0).get("field").asText()).isEqualTo("document");

        var empty = add(manager, manager.structureId(), new Multipart().json("bankAccount", RIB)
                .file("document", "rib.pdf", "application/pdf", new byte[0]));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(body(empty).get("errors").get(0).get("code").asText()).isEqualTo("REQUIRED");
    }

    @Test
    void aDocumentOver4096KbIsRefused() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        byte[] big = new byte[4096 * 1024 + 1];
        System.arraycopy(Multipart.pdf(), 0, big, 0, Multipart.pdf().length);
        var refused = add(manager, manager.structureId(), new Multipart().json("bankAccount", RIB)
                .file("document", "rib.pdf", "application/pdf", big));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(body(refused).get("code").asText()).isEqualTo("FILE_TOO_LARGE");
    }

    @Test
    void anotherStructuresProviderSeesNothingAndAPlainMemberChangesNothing() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider stranger = providers.withOwnStructure();
        Providers.Provider member = providers.memberOf(manager);
        Multipart rib = new Multipart().json("bankAccount", RIB).file("document", "rib.pdf", "application/pdf", Multipart.pdf());

        assertThat(http.send(http.request("/api/structures/" + manager.structureId() + "/bank-accounts")
                .header("Authorization", stranger.basic())).statusCode()).isEqualTo(404);
        assertThat(add(stranger, manager.structureId(), rib).statusCode()).isEqualTo(404);
        var byMember = add(member, manager.structureId(), rib);
        assertThat(byMember.statusCode()).isEqualTo(403);
        assertThat(body(byMember).get("code").asText()).isEqualTo("PRINCIPAL_MANAGER_ONLY");
        assertThat(http.send(http.request("/api/structures/" + manager.structureId() + "/bank-accounts")
                .header("Authorization", member.basic())).statusCode()).isEqualTo(200);
    }

    @Test
    void deactivatingTheOnlyValidAccountReopensPrerequisite01() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        String id = body(add(manager, manager.structureId(), new Multipart().json("bankAccount", RIB)
                .file("document", "rib.pdf", "application/pdf", Multipart.pdf()))).get("id").asText();
        assertThat(prerequisite01(manager)).isTrue();

        var deactivated = http.send(http.request("/api/structures/" + manager.structureId() + "/bank-accounts/" + id)
                .header("Authorization", manager.basic()).DELETE());

        assertThat(deactivated.statusCode()).isEqualTo(204);
        assertThat(prerequisite01(manager)).isFalse();
        assertThat(http.send(http.request("/api/structures/" + manager.structureId() + "/bank-accounts/" + UUID.randomUUID())
                .header("Authorization", manager.basic()).DELETE()).statusCode()).isEqualTo(404);
    }

    private boolean prerequisite01(Providers.Provider who) throws IOException {
        JsonNode list = body(http.send(http.request("/api/structures/" + who.structureId() + "/prerequisites")
                .header("Authorization", who.basic())));
        for (JsonNode p : list) {
            if (p.get("code").asText().equals("01")) {
                return p.get("satisfied").asBoolean();
            }
        }
        throw new AssertionError("pas de prérequis 01");
    }

    static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
    }

    @Test
    void anAffactureurIsStoredAndShownWithTheMaskedIbanAndTheDocumentIsReadByMembersOnly() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider member = providers.memberOf(manager);
        Providers.Provider stranger = providers.withOwnStructure();
        String factored = RIB.replace("}", ",\"factorName\":\"Affacturage du Sud\",\"factorIdentifier\":\"732 829 320 00074\"}");

        var created = add(manager, manager.structureId(), new Multipart().json("bankAccount", factored)
                .file("document", "rib-sud.pdf", "application/pdf", Multipart.pdf()));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(body(created).get("factorName").asText()).isEqualTo("Affacturage du Sud");
        assertThat(body(created).get("factorIdentifier").asText()).isEqualTo("73282932000074");
        assertThat(body(created).get("maskedIban").asText()).isEqualTo("FR70 •••• •••• 5Z02");
        String document = "/api/structures/" + manager.structureId() + "/bank-accounts/" + body(created).get("id").asText() + "/document";
        var read = http.sendBytes(http.request(document).header("Authorization", member.basic()));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(read.body()).isEqualTo(Multipart.pdf());
        assertThat(http.send(http.request(document).header("Authorization", stranger.basic())).statusCode()).isEqualTo(404);
        assertThat(http.send(http.request(document)).statusCode()).isEqualTo(401);
        String elsewhere = "/api/structures/" + stranger.structureId() + "/bank-accounts/" + body(created).get("id").asText() + "/document";
        assertThat(http.send(http.request(elsewhere).header("Authorization", stranger.basic())).statusCode())
                .as("another structure's document through one's own structure").isEqualTo(404);
    }

    @Test
    void anIncompleteAffactureurIsRefusedOnItsFields() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();

        var refused = add(manager, manager.structureId(), new Multipart()
                .json("bankAccount", RIB.replace("}", ",\"factorName\":\"Affacturage du Sud\"}"))
                .file("document", "rib.pdf", "application/pdf", Multipart.pdf()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused).get("errors").findValuesAsText("field")).containsExactly("factorIdentifier");
        var badSiret = add(manager, manager.structureId(), new Multipart()
                .json("bankAccount", RIB.replace("}", ",\"factorName\":\"Sud\",\"factorIdentifier\":\"12345678901234\"}"))
                .file("document", "rib.pdf", "application/pdf", Multipart.pdf()));
        assertThat(badSiret.statusCode()).isEqualTo(400);
        assertThat(body(badSiret).get("errors").findValuesAsText("field")).containsExactly("factorIdentifier");
    }
}
