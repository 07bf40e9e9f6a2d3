package fr.fraisdejustice.memoire;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.Multipart;

/** A gestionnaire principal whose structure has an active IBAN with its document, added through the API. */
public record StructureWithBankAccount(Providers.Provider manager, String bankAccountId) {

    public static StructureWithBankAccount create(Providers providers, Http http, ObjectMapper json) throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        Multipart rib = new Multipart().json("bankAccount", "{\"name\":\"Compte\",\"type\":\"IBAN\","
                + "\"iban\":\"FR7630006000011234567890189\",\"bic\":\"BNPAFRPP\"}")
                .file("document", "rib.pdf", "application/pdf", Multipart.pdf());
        String id = json.readTree(http.send(http.request("/api/structures/" + manager.structureId() + "/bank-accounts")
                .header("Authorization", manager.basic()).header("Content-Type", rib.contentType())
                .POST(rib.publisher())).body()).get("id").asText();
        return new StructureWithBankAccount(manager, id);
    }

    /** Generates a mandate, runs its mail task and signs it from the mailed link: prerequisite 02 met. */
    public void signMandate(ProcessEngine engine, MandateSignature mandates, GreenMail mailServer) {
        var mandate = mandates.generate(manager.structureId(), "Mandat",
                new MandateSignature.Signatory(manager.accountId(), "Paul Martin", manager.email()));
        String instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(mandate.id().toString()).singleResult().getId();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(instance).singleResult().getId());
        var mails = new Mailbox(mailServer).to(manager.email());
        Matcher token = Pattern.compile("jeton=([A-Za-z0-9_-]+)").matcher(Mailbox.body(mails.get(mails.size() - 1)));
        if (!token.find()) {
            throw new AssertionError("pas de lien de signature");
        }
        mandates.sign(token.group(1));
    }
}
