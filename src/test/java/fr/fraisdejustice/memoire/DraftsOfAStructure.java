package fr.fraisdejustice.memoire;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.Multipart;

/** Drafts, lines and attachments of one structure, created through the API as its provider would. */
record DraftsOfAStructure(Http http, ObjectMapper json, StructureWithBankAccount structure) {

    Providers.Provider manager() {
        return structure.manager();
    }

    String draft(Map<String, Object> header) throws IOException {
        Map<String, Object> body = new HashMap<>(Map.of("structureId", manager().structureId(), "jurisdictionCode", "TJ75101",
                "bankAccountId", structure.bankAccountId(), "providerCategory", "INTERPRETE_TRADUCTEUR",
                "vatType", "TVA_SUR_DEBIT"));
        body.putAll(header);
        return read(call("POST", "/api/memoires", body, manager())).get("number").asText();
    }

    JsonNode line(String number, String caseNumber, String authority, String quantity, String price, String vatRate)
            throws IOException {
        HttpResponse<String> added = call("POST", "/api/memoires/" + number + "/lines", Map.of("caseNumber", caseNumber,
                "requisitionDate", LocalDate.now().minusDays(10).toString(), "requestingAuthority", authority,
                "serviceType", "TRADUCTION_ECRITE", "serviceDate", LocalDate.now().minusDays(3).toString(),
                "quantity", quantity, "unitPriceExclVat", price, "vatRate", vatRate), manager());
        if (added.statusCode() != 201) {
            throw new AssertionError(added.body());
        }
        return read(added);
    }

    HttpResponse<String> attach(String number, Providers.Provider who, byte[] pdf, Map<String, String> fields) {
        Multipart body = new Multipart().file("file", "requisition.pdf", "application/pdf", pdf);
        fields.forEach(body::text);
        return http.send(http.request("/api/memoires/" + number + "/attachments")
                .header("Authorization", who.basic()).header("Content-Type", body.contentType()).POST(body.publisher()));
    }

    HttpResponse<String> call(String method, String path, Object body, Providers.Provider who) throws IOException {
        return http.json(method, path, body == null ? null : json.writeValueAsString(body), "Authorization", who.basic());
    }

    JsonNode read(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    /** A well-formed PDF whose bytes differ from every other one's (its fingerprint is its own). */
    static byte[] pdf(String marker) {
        return ("%PDF-1.4\n% " + marker + "\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
