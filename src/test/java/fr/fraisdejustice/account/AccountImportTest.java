package fr.fraisdejustice.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.fraisdejustice.bankaccount.BankAccounts;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.mandate.MandateStatus;
import fr.fraisdejustice.onboarding.AccountImport;
import fr.fraisdejustice.prerequisite.Prerequisites;
import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.structure.Structures;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** Migrated users: imported with their structures and revoked mandates, each with the activation process, once. */
@IntegrationTest
class AccountImportTest {

    @Autowired
    AccountImport accountImport;

    @Autowired
    AccountRepository accounts;

    @Autowired
    Structures structures;

    @Autowired
    MandateSignature mandates;

    @Autowired
    RuntimeService runtime;

    @Autowired
    BankAccounts bankAccounts;

    @Autowired
    Prerequisites prerequisites;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    String run;

    @BeforeEach
    void uniqueRun() {
        run = UUID.randomUUID().toString().substring(0, 6);
    }

    String csv(String... rows) {
        return "\uFEFFloginEmail;lastName;firstName;identifierType;identifier;structureName;mandates\n"
                + String.join("\n", rows) + "\n";
    }

    @Test
    void importsAccountsStructuresAndRevokedMandatesThenChangesNothingTheSecondTime() throws IOException {
        String anne = "anne." + run + "@example.fr";
        String marc = "marc." + run + "@example.fr";
        String identifier = "MIG-" + run;
        String file = csv(
                anne + ";Leblanc;Anne;AUTRE;" + identifier + ";Interprétariat Leblanc;Mandat 2023|Mandat 2024",
                marc + ";Petit;Marc;AUTRE;" + identifier + ";Interprétariat Leblanc;");

        AccountImport.Report first = accountImport.run(new StringReader(file));
        AccountImport.Report second = accountImport.run(new StringReader(file));

        assertThat(first.imported()).isEqualTo(2);
        assertThat(first.refused()).isEmpty();
        assertThat(second.imported()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
        Account imported = accounts.findByLoginEmailIgnoreCase(anne).orElseThrow();
        assertThat(imported.migrated()).isTrue();
        assertThat(imported.status()).isEqualTo(AccountStatus.PENDING_ACTIVATION);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AccountActivation.PROCESS_KEY)
                .processInstanceBusinessKey(imported.id().toString()).count()).isEqualTo(1);
        var structure = structures.find(IdentifierType.AUTRE, identifier).orElseThrow();
        assertThat(mandates.of(structure.id())).hasSize(2).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(MandateStatus.REVOQUE);
            assertThat(m.revokedAt()).isNotNull();
        });
        assertThat(structures.of(imported.id()).get(0).membership().role().name()).isEqualTo("PRINCIPAL_MANAGER");
        Account second2 = accounts.findByLoginEmailIgnoreCase(marc).orElseThrow();
        assertThat(structures.of(second2.id()).get(0).membership().role().name()).isEqualTo("USER");
    }

    @Test
    void eachRefusedRowIsReportedWithItsLineAndReasonAndTheOthersAreImported() throws IOException {
        String good = "good." + run + "@example.fr";
        AccountImport.Report report = accountImport.run(new StringReader(csv(
                "pas-une-adresse;Nom;Prénom;AUTRE;X-" + run + ";;",
                good + ";Bon;Compte;AUTRE;Y-" + run + ";;",
                "siret." + run + "@example.fr;Nom;Prénom;SIRET;73282932000079;;",
                "type." + run + "@example.fr;Nom;Prénom;PASSEPORT;123;;",
                "court." + run + "@example.fr;Nom;Prénom")));

        assertThat(report.rows()).isEqualTo(5);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.refused()).extracting(AccountImport.Refusal::line).containsExactly(2L, 4L, 5L, 6L);
        assertThat(report.refused().get(0).reason()).contains("Adresse de connexion invalide");
        assertThat(report.refused().get(1).reason()).contains("SIRET n'est pas valide");
        assertThat(report.refused().get(2).reason()).contains("Type d'identifiant inconnu");
        assertThat(report.refused().get(3).reason()).contains("colonnes");
        assertThat(accounts.findByLoginEmailIgnoreCase(good)).isPresent();
    }

    @Test
    void aNaturalPersonsNonConformingIdentifierIsKeptAndItsStructureIsReadOnly() throws IOException {
        String email = "particulier." + run + "@example.fr";
        String oldIdentifier = "X" + run.toUpperCase();

        AccountImport.Report report = accountImport.run(new StringReader(csv(
                email + ";Roux;Jeanne;PARTICULIER;" + oldIdentifier + ";;")));

        assertThat(report.imported()).isEqualTo(1);
        var structure = structures.find(IdentifierType.PARTICULIER, oldIdentifier).orElseThrow();
        assertThat(structure.identifierConforming()).isFalse();
    }

    @Test
    void aFileWithoutTheExpectedHeaderIsRefusedWhole() throws IOException {
        AccountImport.Report report = accountImport.run(new StringReader("email;nom\na@b.fr;X\n"));

        assertThat(report.rows()).isZero();
        assertThat(report.refused().get(0).reason()).contains("Colonnes manquantes").contains("loginEmail");
    }

    @Test
    void onlyAnAdministratorImportsThroughTheApi() {
        Http http = new Http(port);
        String boundary = "limite" + run;
        String email = "api." + run + "@example.fr";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"comptes.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv(email + ";Api;Compte;AUTRE;API-" + run + ";;") + "\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder upload = http.request("/api/admin/account-imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));

        assertThat(http.send(upload).statusCode()).isEqualTo(401);
        assertThat(http.send(upload.copy().header("Authorization", Http.basic("thomas.petit", "Support-2026")))
                .statusCode()).isEqualTo(403);
        var admin = http.send(upload.copy().header("Authorization", Http.basic("marc.leroy", "Admin-FDJ-2026")));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"imported\":1");
    }

    String csvWithBankDetails(String... rows) {
        return "loginEmail;lastName;firstName;identifierType;identifier;structureName;mandates;"
                + "bankAccountName;bankCode;branchCode;accountNumber;ribKey;iban;bic\n" + String.join("\n", rows) + "\n";
    }

    @Test
    void bankDetailsComeWithTheStructureCountForPrerequisite01WithoutDocumentAndOnlyOnce() throws IOException {
        String rib = "rib." + run + "@example.fr";
        String iban = "iban." + run + "@example.fr";
        String file = csvWithBankDetails(
                rib + ";Martin;Paul;AUTRE;RIB-" + run + ";Traductions Martin;;Compte courant;30002;00550;0000157845Z;02;;",
                iban + ";Durand;Léa;AUTRE;IBAN-" + run + ";;;;;;;;FR76 3000 6000 0112 3456 7890 189;bnpafrpp");

        AccountImport.Report first = accountImport.run(new StringReader(file));
        AccountImport.Report second = accountImport.run(new StringReader(file));

        assertThat(first.refused()).isEmpty();
        assertThat(first.imported()).isEqualTo(2);
        assertThat(second.imported()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(second.summary()).startsWith("Rien de nouveau");
        var ribStructure = structures.find(IdentifierType.AUTRE, "RIB-" + run).orElseThrow();
        var ibanStructure = structures.find(IdentifierType.AUTRE, "IBAN-" + run).orElseThrow();
        assertThat(jdbc.queryForList("select name, type, bank_code, rib_key, document, imported_at is not null as imported "
                + "from bank_account where structure_id = ?", ribStructure.id())).singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("name", "Compte courant").containsEntry("type", "RIB")
                            .containsEntry("bank_code", "30002").containsEntry("rib_key", "02")
                            .containsEntry("imported", true);
                    assertThat(row.get("document")).isNull();
                });
        assertThat(jdbc.queryForList("select iban, bic from bank_account where structure_id = ?", ibanStructure.id()))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("iban", "FR7630006000011234567890189")
                        .containsEntry("bic", "BNPAFRPP"));
        assertThat(bankAccounts.hasValid(ribStructure.id())).isTrue();
        assertThat(prerequisites.of(ribStructure)).filteredOn(p -> p.code().equals("01")).singleElement()
                .satisfies(p -> assertThat(p.satisfied()).isTrue());
    }

    @Test
    void aRowWithBankDetailsThePortalWouldRefuseIsRefusedWholeWithItsLineAndReason() throws IOException {
        String badKey = "cle." + run + "@example.fr";
        String badIban = "badiban." + run + "@example.fr";
        String both = "both." + run + "@example.fr";
        String badBank = "banque." + run + "@example.fr";
        AccountImport.Report report = accountImport.run(new StringReader(csvWithBankDetails(
                badKey + ";Nom;Prénom;AUTRE;KEY-" + run + ";;;;30002;00550;0000157845Z;03;;",
                badIban + ";Nom;Prénom;AUTRE;IBN-" + run + ";;;;;;;;FR7630006000011234567890188;BNPAFRPP",
                both + ";Nom;Prénom;AUTRE;BTH-" + run + ";;;;30002;00550;0000157845Z;02;FR7630006000011234567890189;BNPAFRPP",
                badBank + ";Nom;Prénom;AUTRE;BNK-" + run + ";;;;3000;00550;0000157845Z;02;;")));

        assertThat(report.imported()).isZero();
        assertThat(report.refused()).extracting(AccountImport.Refusal::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(report.refused().get(0).reason()).startsWith("Coordonnées bancaires refusées")
                .contains("La clé RIB ne correspond pas");
        assertThat(report.refused().get(1).reason()).contains("Cet IBAN n'est pas valide");
        assertThat(report.refused().get(2).reason()).contains("soit le RIB").contains("soit l'IBAN");
        assertThat(report.refused().get(3).reason()).contains("Le code banque compte 5 chiffres");
        // nothing of a refused row is saved: neither the account nor its structure
        assertThat(accounts.findByLoginEmailIgnoreCase(badKey)).isEmpty();
        assertThat(structures.find(IdentifierType.AUTRE, "KEY-" + run)).isEmpty();
    }

    @Test
    void aHeaderWithOnlySomeBankColumnsIsRefusedWhole() throws IOException {
        AccountImport.Report report = accountImport.run(new StringReader(
                "loginEmail;lastName;firstName;identifierType;identifier;structureName;mandates;iban\n"
                        + "x." + run + "@example.fr;Nom;Prénom;AUTRE;HDR-" + run + ";;;FR7630006000011234567890189\n"));

        assertThat(report.rows()).isZero();
        assertThat(report.refused().get(0).reason()).contains("Colonnes manquantes").contains("bic").contains("bankCode");
    }

    @Autowired
    Providers providers;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void aStructureWhoseOnlyBankDetailsAreImportedSendsAMemoireBeforeTheirDocumentFollows() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        var structure = structures.byId(manager.structureId());
        AccountImport.Report report = accountImport.run(new StringReader(csvWithBankDetails(manager.email()
                + ";Martin;Paul;AUTRE;" + structure.identifier() + ";;;;30002;00550;0000157845Z;02;;")));
        assertThat(report.imported()).isEqualTo(1);
        String bankAccountId = jdbc.queryForObject("select id::text from bank_account where structure_id = ?", String.class,
                manager.structureId());
        var ready = new fr.fraisdejustice.memoire.StructureWithBankAccount(manager, bankAccountId);
        ready.signMandate(context.getBean(org.camunda.bpm.engine.ProcessEngine.class), mandates,
                context.getBean(com.icegreen.greenmail.util.GreenMail.class));

        String sent = new fr.fraisdejustice.memoire.SentMemoires(ready, context.getBean(fr.fraisdejustice.memoire.MemoireDrafts.class),
                context.getBean(fr.fraisdejustice.memoire.MemoireAttachments.class),
                context.getBean(fr.fraisdejustice.memoire.MemoireSubmission.class),
                context.getBean(org.camunda.bpm.engine.ProcessEngine.class)).tariffed();

        assertThat(sent).startsWith("MJ");
    }
}
