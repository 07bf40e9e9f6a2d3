package fr.fraisdejustice.memoire;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.Multipart;

/** A gestionnaire principal whose structure has an active IBAN with its document, added through the API. */
record StructureWithBankAccount(Providers.Provider manager, String bankAccountId) {

    static StructureWithBankAccount create(Providers providers, Http http, ObjectMapper json) throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        Multipart rib = new Multipart().json("bankAccount", "{\"name\":\"Compte\",\"type\":\"IBAN\","
                + "\"iban\":\"FR7630006000011234567890189\",\"bic\":\"BNPAFRPP\"}")
                .file("document", "rib.pdf", "application/pdf", Multipart.pdf());
        String id = json.readTree(http.send(http.request("/api/structures/" + manager.structureId() + "/bank-accounts")
                .header("Authorization", manager.basic()).header("Content-Type", rib.contentType())
                .POST(rib.publisher())).body()).get("id").asText();
        return new StructureWithBankAccount(manager, id);
    }
}
