package fr.fraisdejustice.bulkupload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.memoire.StructureWithBankAccount;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Multipart;

/** Dépôt flux: a valid file, a partly invalid one, malformed XML, XXE, billion laughs, oversize, duplicates. */
@IntegrationTest
class BulkUploadApiTest {

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired MandateSignature mandates;
    @Autowired ObjectMapper json;
    @Autowired GreenMail mailServer;
    @LocalServerPort int port;

    Http http;
    StructureWithBankAccount ready;

    @BeforeEach
    void setUp() throws IOException {
        http = new Http(port);
        ready = StructureWithBankAccount.create(providers, http, json);
        ready.signMandate(engine, mandates, mailServer);
    }

    /** The repository's sample, made the structure's own, dated a few days ago, with an extra mémoire appended. */
    static String sample(StructureWithBankAccount ready, String extraMemoire) throws IOException {
        try (InputStream in = new ClassPathResource("bulk/depot-flux-exemple.xml").getInputStream()) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("00000000-0000-0000-0000-000000000001", ready.manager().structureId().toString())
                    .replace("00000000-0000-0000-0000-000000000002", ready.bankAccountId())
                    .replace("2026-11-0", LocalDate.now().minusDays(10).toString().substring(0, 9));
            return xml.replace("</depotFlux>", extraMemoire + "</depotFlux>");
        }
    }

    HttpResponse<String> upload(String content, Providers.Provider who) {
        Multipart file = new Multipart().file("file", "flux.xml", "application/xml", content.getBytes(StandardCharsets.UTF_8));
        return http.send(http.request("/api/bulk-uploads").header("Authorization", who.basic())
                .header("Content-Type", file.contentType()).POST(file.publisher()));
    }

    JsonNode processed(HttpResponse<String> accepted) throws IOException {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = json.readTree(accepted.body()).get("uploadId").asText();
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
                .singleResult().getId();
        var job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
        engine.getManagementService().executeJob(job.getId());
        return json.readTree(http.send(http.request("/api/bulk-uploads/" + id)
                .header("Authorization", ready.manager().basic())).body());
    }

    @Test
    void theSampleMatchesTheSchemaAndAPartlyInvalidFileSendsTheGoodAndReportsTheBad() throws Exception {
        String invalid = """
                <memoire reference="FAC-MAUVAISE">
                  <structureId>%s</structureId>
                  <jurisdictionCode>TJ00000</jurisdictionCode>
                  <bankAccountId>%s</bankAccountId>
                  <providerCategory>INTERPRETE_TRADUCTEUR</providerCategory>
                  <vatType>TVA_SUR_DEBIT</vatType>
                  <line><caseNumber>1</caseNumber><requisitionDate>2026-02-30</requisitionDate>
                    <requestingAuthority>OPJ</requestingAuthority><serviceType>TRADUCTION_ECRITE</serviceType>
                    <serviceDate>2026-03-01</serviceDate><quantity>1</quantity><unitPriceExclVat>25</unitPriceExclVat>
                    <vatRate>20</vatRate></line>
                  <swornStatement>true</swornStatement>
                </memoire>
                """.formatted(ready.manager().structureId(), ready.bankAccountId());
        String xml = sample(ready, invalid);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(new ClassPathResource("bulk/depot-flux.xsd").getInputStream()))
                .newValidator().validate(new StreamSource(new StringReader(sample(ready, ""))));

        JsonNode report = processed(upload(xml, ready.manager()));

        assertThat(report.get("status").asText()).isEqualTo("TERMINE");
        assertThat(report.get("total").asInt()).isEqualTo(2);
        assertThat(report.get("sent").asInt()).isEqualTo(1);
        assertThat(report.get("refused").asInt()).isEqualTo(1);
        JsonNode good = report.get("items").get(0);
        assertThat(good.get("reference").asText()).isEqualTo("FAC-2026-0001");
        assertThat(good.get("mjNumber").asText()).matches("MJ\\d{10}");
        JsonNode bad = report.get("items").get(1);
        assertThat(bad.get("status").asText()).isEqualTo("REFUSE");
        assertThat(bad.get("reasons").toString()).contains("juridiction");
        JsonNode sent = json.readTree(http.send(http.request("/api/memoires/" + good.get("mjNumber").asText())
                .header("Authorization", ready.manager().basic())).body());
        assertThat(sent.get("lines")).hasSize(2);
        assertThat(sent.get("totals").get("inclVat").decimalValue()).isEqualByComparingTo("233.30");
        assertThat(json.readTree(http.send(http.request("/api/memoires?status=BROUILLON")
                .header("Authorization", ready.manager().basic())).body()).get("total").asInt())
                .as("un mémoire refusé ne laisse pas de brouillon").isZero();
    }

    @Test
    void aMalformedFileIsRejectedWithItsLineAndElement() throws IOException {
        JsonNode report = processed(upload("""
                <?xml version="1.0" encoding="UTF-8"?>
                <depotFlux xmlns="http://fraisdejustice.fr/depot-flux/1">
                  <memoire>
                    <structureId>x</structureId>
                    <prix>12</prix>
                  </memoire>
                </depotFlux>
                """, ready.manager()));
        assertThat(report.get("status").asText()).isEqualTo("REJETE");
        assertThat(report.get("errorLine").asInt()).isEqualTo(5);
        assertThat(report.get("errorElement").asText()).isEqualTo("prix");
        assertThat(report.get("error").asText()).contains("<memoire> ne contient pas d'élément <prix>");

        JsonNode broken = processed(upload("<depotFlux xmlns=\"http://fraisdejustice.fr/depot-flux/1\">\n<memoire>\n</depotFlux>",
                ready.manager()));
        assertThat(broken.get("status").asText()).isEqualTo("REJETE");
        assertThat(broken.get("errorLine").asInt()).isEqualTo(3);
        assertThat(broken.get("error").asText()).startsWith("XML mal formé");
    }

    @Test
    void anXxeAttemptAndABillionLaughsAreRefusedBeforeAnyEntityIsRead() throws IOException {
        JsonNode xxe = processed(upload("""
                <?xml version="1.0"?>
                <!DOCTYPE depotFlux [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <depotFlux xmlns="http://fraisdejustice.fr/depot-flux/1"><memoire reference="&secret;"/></depotFlux>
                """, ready.manager()));
        assertThat(xxe.get("status").asText()).isEqualTo("REJETE");
        assertThat(xxe.get("errorElement").asText()).isEqualTo("DOCTYPE");
        assertThat(xxe.toString()).doesNotContain("root:");

        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>\n<depotFlux xmlns=\"http://fraisdejustice.fr/depot-flux/1\"><memoire reference=\"&lol9;\"/></depotFlux>");
        JsonNode bomb = processed(upload(laughs.toString(), ready.manager()));
        assertThat(bomb.get("status").asText()).isEqualTo("REJETE");
        assertThat(bomb.get("error").asText()).contains("DTD");
    }

    @Test
    void oversizedDuplicateNonXmlAndOthersReportsAreRefused() throws IOException {
        HttpResponse<String> tooBig = upload("<depotFlux>" + " ".repeat(51 * 1024 * 1024) + "</depotFlux>", ready.manager());
        assertThat(tooBig.statusCode()).isEqualTo(413);
        HttpResponse<String> notXml = upload("%PDF-1.4 pas un flux", ready.manager());
        assertThat(notXml.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notXml.body()).get("errors").get(0).get("code").asText()).isEqualTo("NOT_XML");

        String xml = sample(ready, "");
        HttpResponse<String> first = upload(xml, ready.manager());
        assertThat(first.statusCode()).isEqualTo(202);
        HttpResponse<String> again = upload(xml, ready.manager());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("code").asText()).isEqualTo("DUPLICATE_UPLOAD");
        assertThat(json.readTree(again.body()).get("uploadId").asText()).isEqualTo(json.readTree(first.body()).get("uploadId").asText());

        Providers.Provider other = providers.withOwnStructure();
        assertThat(http.send(http.request("/api/bulk-uploads/" + json.readTree(first.body()).get("uploadId").asText())
                .header("Authorization", other.basic())).statusCode()).isEqualTo(404);
    }
}
