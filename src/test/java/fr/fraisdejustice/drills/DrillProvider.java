package fr.fraisdejustice.drills;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * A provider made ready over HTTP only, as on a node in production (the packaged jar, mails through an outside SMTP
 * server): account created and activated from its mailed link, an IBAN, a mandate signed from its mailed link. Then
 * drafts and submissions through the public API.
 */
record DrillProvider(String email, String basic, String structureId, String bankAccountId) {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "Exercice-2026-Panne!";
    static final Pattern TOKEN = Pattern.compile("jeton=([A-Za-z0-9_-]+)");

    static DrillProvider ready(Http http, GreenMail smtp) throws Exception {
        String email = "exercice." + UUID.randomUUID().toString().substring(0, 8) + "@cabinet.example.fr";
        var created = post(http, "/api/accounts", """
                {"loginEmail": "%s", "lastName": "Bernard", "firstName": "Inès",
                 "structure": {"identifierType": "AUTRE", "identifier": "EX-%s", "name": "Traductions Bernard"},
                 "termsAccepted": true}""".formatted(email, UUID.randomUUID().toString().substring(0, 8).toUpperCase()),
                null);
        expect(created, 201);
        String structureId = JSON.readTree(created.body()).get("structureId").asText();
        String question = JSON.readTree(http.get("/api/reference/secret-questions").body()).get(0).asText();
        expect(followingTheLink(() -> post(http, "/api/accounts/activation", JSON.writeValueAsString(java.util.Map.of(
                "token", token(smtp, email, 1), "password", PASSWORD, "passwordConfirmation", PASSWORD,
                "secretQuestion", question, "secretAnswer", "Dupont")), null)), 200);
        String basic = Http.basic(email, PASSWORD);

        Multipart rib = new Multipart().json("bankAccount", "{\"name\":\"Compte\",\"type\":\"IBAN\","
                        + "\"iban\":\"FR7630006000011234567890189\",\"bic\":\"BNPAFRPP\"}")
                .file("document", "rib.pdf", "application/pdf", Multipart.pdf());
        var bank = http.send(http.request("/api/structures/" + structureId + "/bank-accounts")
                .header("Authorization", basic).header("Content-Type", rib.contentType()).POST(rib.publisher()));
        expect(bank, 201);
        String bankAccountId = JSON.readTree(bank.body()).get("id").asText();

        expect(post(http, "/api/structures/" + structureId + "/mandates", "{\"label\":\"Mandat exercice\"}", basic), 201);
        expect(followingTheLink(() -> post(http, "/api/mandates/signature",
                "{\"token\":\"" + token(smtp, email, 2) + "\"}", null)), 200);
        return new DrillProvider(email, basic, structureId, bankAccountId);
    }

    /** A draft with one tariffed line: what a submission then sends. */
    String draft(Http http) throws Exception {
        var created = post(http, "/api/memoires", """
                {"structureId": "%s", "jurisdictionCode": "TJ75101", "bankAccountId": "%s",
                 "providerCategory": "INTERPRETE_TRADUCTEUR", "vatType": "TVA_SUR_DEBIT"}"""
                .formatted(structureId, bankAccountId), basic);
        expect(created, 201);
        String number = JSON.readTree(created.body()).get("number").asText();
        LocalDate served = LocalDate.now().minusDays(3);
        expect(post(http, "/api/memoires/" + number + "/lines", """
                {"caseNumber": "26-001", "requisitionDate": "%s", "requestingAuthority": "Procureur",
                 "serviceType": "TRADUCTION_ECRITE", "serviceDate": "%s", "quantity": 4, "unitPriceExclVat": "25.00",
                 "vatRate": 20}""".formatted(served.minusDays(1), served), basic), 201);
        return number;
    }

    HttpResponse<String> submit(Http http, String draft) {
        return post(http, "/api/memoires/" + draft + "/submission", "{\"swornStatement\": true}", basic);
    }

    static HttpResponse<String> post(Http http, String path, String body, String basic) {
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(basic == null ? request : request.header("Authorization", basic));
    }

    static boolean verifies(Http http, String number, String fingerprint) throws Exception {
        var answer = post(http, "/api/certificates/verification",
                "{\"number\":\"" + number + "\",\"fingerprint\":\"" + fingerprint + "\"}", null);
        expect(answer, 200);
        return JSON.readTree(answer.body()).get("valid").asBoolean();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.uri() + " : " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * The node mails the link from its save point before that job's transaction commits: on a loaded machine the mail
     * may arrive before its token is in the database. A person clicking a few seconds later never sees that; the drill
     * tries again for half a minute.
     */
    private static HttpResponse<String> followingTheLink(java.util.concurrent.Callable<HttpResponse<String>> click)
            throws Exception {
        HttpResponse<String> answer = click.call();
        for (int i = 0; i < 60 && (answer.statusCode() == 404 || answer.statusCode() == 410); i++) {
            Thread.sleep(500);
            answer = click.call();
        }
        return answer;
    }

    /** The token of the last mail to this address once it has n, waited for (the nodes send from their job executor). */
    private static String token(GreenMail smtp, String email, int nth) throws Exception {
        Mailbox mailbox = new Mailbox(smtp);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> mails = mailbox.to(email);
            if (mails.size() >= nth) {
                Matcher matcher = TOKEN.matcher(Mailbox.body(mails.get(mails.size() - 1)));
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Pas de courriel n°" + nth + " pour " + email);
    }
}
