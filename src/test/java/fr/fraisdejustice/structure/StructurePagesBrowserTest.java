package fr.fraisdejustice.structure;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.BillingMandate;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Multipart;

/**
 * What a provider does with his structures in the browser: create one from prerequisite 03's link, look one up and ask
 * to join it then leave it, manage members, bank details (with an affactureur), services, and the mandate read before
 * it is signed, downloaded, then revoked.
 */
@IntegrationTest
class StructurePagesBrowserTest extends BrowserTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    Providers providers;

    @Autowired
    StructureCreation creation;

    @Autowired
    Memberships memberships;

    @Autowired
    MandateSignature signature;

    @Test
    void aNaturalPersonWhoseIdentifierDoesNotConformCreatesAStructureFromThePrerequisite03Link() {
        Providers.Provider person = providers.naturalPerson("X" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        logInToPortal(person.email());

        page.navigate(url("/portail/fiche-structure?structure=" + person.structureId()));
        assertThat(page.locator("#non-conformite")).containsText(
                "L'identifiant n'est pas au bon format. Vérifier le type d'identifiant sélectionné et l'identifiant.");
        assertThat(page.locator("#membres")).isVisible();
        screenshot("structure-non-conforme");
        page.navigate(url("/portail/structure-parametres?structure=" + person.structureId()));
        assertThat(page.locator("#non-conformite")).isVisible();
        page.navigate(url("/portail/structure?structure=" + person.structureId()));
        assertThat(page.locator("#non-conformite")).isVisible();
        page.locator(".checklist").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Créer une structure au bon identifiant")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Créer une structure"))).isVisible();
        String identifier = Identifiers.particulier();
        type(page.getByLabel(Pattern.compile("^Numéro d'identification")),
                identifier.charAt(0) + " " + identifier.substring(1, 3) + " " + identifier.substring(3));
        screenshot("structure-creation");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer la structure")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Fiche structure : Jeanne ROUX"))).isVisible();
        assertThat(page.locator("#notice")).containsText("est créée et rattachée à votre compte : vous en êtes le gestionnaire principal");
        assertThat(page.locator("#non-conformite")).hasCount(0);
        assertThat(page.locator("#prerequis .missing")).not().hasCount(0);
        screenshot("fiche-structure-creee");
    }

    @Test
    void aProviderLooksUpAStructureAsksToJoinItThenLeavesIt() {
        Providers.Provider owner = providers.withOwnStructure();
        String siret = Identifiers.siret();
        Structure structure = creation.create(owner.accountId(), IdentifierType.SIRET, siret, "Traductions Azur", null).structure();
        Providers.Provider requester = providers.withOwnStructure();
        logInToPortal(requester.email());

        page.navigate(url("/portail/structures"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rejoindre une structure")).click();
        type(page.getByLabel(Pattern.compile("^Numéro d'identification")), siret);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher la structure")).click();
        assertThat(page.getByText("Traductions Azur — SIRET " + siret)).isVisible();
        screenshot("rejoindre-structure-trouvee");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Demander mon rattachement à Traductions Azur")).click();

        assertThat(page.locator("#notice")).containsText("Votre demande de rattachement à « Traductions Azur » est transmise");
        assertThat(page.locator("#mes-demandes")).containsText("En attente de la réponse du gestionnaire principal");
        screenshot("mes-structures-demande");

        Membership request = memberships.requests(structure.id(), owner.accountId()).get(0);
        memberships.decide(structure.id(), request.id(), owner.accountId(), true);
        page.reload();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Traductions Azur")).click();
        assertThat(page.getByText("Seul le gestionnaire principal de la structure peut la modifier")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Quitter la structure Traductions Azur")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Vous n'aurez plus accès à ses mémoires");
        screenshot("quitter-confirmation");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Quitter la structure")).click();

        assertThat(page.locator("#notice")).containsText("Vous avez quitté « Traductions Azur »");
        assertThat(page.locator("#mes-structures")).not().containsText("Traductions Azur");
    }

    @Test
    void aProviderAsksToJoinANaturalPersonsStructureByItsIdentifierAloneThenWithdrawsHisRequest() {
        String identifier = Identifiers.particulier();
        providers.naturalPerson(identifier);
        Providers.Provider requester = providers.withOwnStructure();
        logInToPortal(requester.email());

        page.navigate(url("/portail/rejoindre-une-structure"));
        // DSFR draws the radio in its label, over the input: a person clicks the label
        page.locator("label[for=kind-PARTICULIER]").click();
        assertThat(page.getByLabel("un particulier (personne physique)")).isChecked();
        type(page.getByLabel(Pattern.compile("^Identifiant du particulier")), identifier);
        screenshot("rejoindre-particulier");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer ma demande de rattachement")).click();

        assertThat(page.locator("#notice")).containsText("Votre demande de rattachement est transmise à son gestionnaire principal");
        Locator request = page.locator("#mes-demandes tbody tr").filter(new Locator.FilterOptions().setHasText(identifier));
        assertThat(request).containsText("Particulier " + identifier);
        assertThat(page.locator("main")).not().containsText("Roux");
        assertThat(page.locator("main")).not().containsText("ROUX");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Retirer ma demande de rattachement à Particulier " + identifier)).click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Retirer ma demande")).click();

        assertThat(page.locator("#notice")).containsText("Votre demande de rattachement à « Particulier " + identifier + " » est retirée");
        assertThat(page.locator("#mes-demandes")).containsText("Aucune demande en cours.");
    }

    @Test
    void theGestionnaireChangesAProfileRemovesAMemberAndHandsHisRoleOver() {
        Providers.Provider manager = providers.withOwnStructure();
        named(providers.memberOf(manager), "Claire", "Dubois");
        named(providers.memberOf(manager), "Marc", "Lefèvre");
        logInToPortal(manager.email());
        page.navigate(url("/portail/fiche-structure?structure=" + manager.structureId()));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Modifier le rôle et les profils de Claire Dubois")).click();
        page.getByLabel("Frais de justice modification").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le rôle et les profils")).click();
        assertThat(page.locator("#notice")).containsText(
                "Claire Dubois est désormais utilisateur, avec les profils : Frais de justice consultation, Frais de justice modification");
        assertThat(memberRow("Claire Dubois")).containsText("Frais de justice modification");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retirer Marc Lefèvre de la structure")).click();
        screenshot("retirer-membre-confirmation");
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Retirer de la structure")).click();
        assertThat(page.locator("#notice")).containsText("Marc Lefèvre ne fait plus partie de « Cabinet Martin »");
        assertThat(page.locator("#membres")).not().containsText("Marc Lefèvre");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Transmettre le rôle de gestionnaire principal à Claire Dubois")).click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Transmettre le rôle")).click();
        assertThat(page.locator("#notice")).containsText("Claire Dubois est désormais gestionnaire principal de « Cabinet Martin »");
        assertThat(memberRow("Claire Dubois")).containsText("Gestionnaire principal");
        assertThat(memberRow("Paul Martin")).containsText("Gestionnaire");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ajouter un service"))).hasCount(0);
        screenshot("fiche-structure-membres");
    }

    @Test
    void theGestionnaireAddsBankDetailsWithAnAffactureurThenDeactivatesThem() {
        Providers.Provider manager = providers.withOwnStructure();
        logInToPortal(manager.email());
        page.navigate(url("/portail/fiche-structure?structure=" + manager.structureId()));

        page.locator("#coordonnees-bancaires").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Ajouter des coordonnées bancaires")).click();
        type(page.getByLabel(Pattern.compile("^Libellé")), "Compte affacturé");
        type(page.getByLabel(Pattern.compile("^IBAN$")), "FR76 3000 6000 0112 3456 7890 189");
        type(page.getByLabel(Pattern.compile("^BIC$")), "BNPAFRPP");
        type(page.getByLabel(Pattern.compile("^Affactureur : nom")), "Affacturage du Sud");
        type(page.getByLabel(Pattern.compile("^Affactureur : SIRET")), "732 829 320 00074");
        page.locator("input[type=file]").setInputFiles(new FilePayload("rib.pdf", "application/pdf", Multipart.pdf()));
        screenshot("coordonnees-bancaires-affactureur");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter ces coordonnées")).click();
        assertThat(page.locator("#notice")).containsText("payées à l'affactureur Affacturage du Sud, sont enregistrées");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Revenir à la fiche de la structure")).click();
        Locator row = page.locator("#coordonnees-bancaires tbody tr").filter(new Locator.FilterOptions().setHasText("Compte affacturé"));
        assertThat(row).containsText("FR76\u00a0••••\u00a0••••\u00a00189");
        assertThat(row).containsText("Affacturage du Sud (SIRET 73282932000074)");
        assertThat(row).containsText("Active");
        APIResponse document = page.request().get(url(row.getByRole(AriaRole.LINK).getAttribute("href")));
        org.assertj.core.api.Assertions.assertThat(document.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(document.headers().get("content-type")).isEqualTo("application/pdf");
        screenshot("fiche-structure-coordonnees");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Désactiver les coordonnées Compte affacturé")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Vos nouveaux mémoires ne pourront plus les choisir");
        screenshot("desactiver-coordonnees-confirmation");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Désactiver")).click();

        assertThat(page.locator("#notice")).containsText("Les coordonnées « Compte affacturé » sont désactivées");
        assertThat(page.locator("#coordonnees-bancaires tbody tr").filter(new Locator.FilterOptions().setHasText("Compte affacturé")))
                .containsText("Désactivée");
    }

    @Test
    void theMandateIsReadBeforeItIsSignedThenDownloadedAndRevoked() {
        Providers.Provider manager = providers.withOwnStructure();
        BillingMandate mandate = signature.generate(manager.structureId(), "Mandat 2027",
                new MandateSignature.Signatory(manager.accountId(), "Paul Martin", manager.email()));
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(mandate.id().toString())
                .singleResult().getId();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(instance)
                .singleResult().getId());

        page.navigate(url("/dev/mailbox"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(url("/portail/signature-mandat")).setExact(false))
                .first().click();
        Locator text = page.getByText(Pattern.compile("article 289, I-2 du code général des impôts"));
        assertThat(text).isVisible();
        assertThat(page.getByText(Pattern.compile("Prestataire : Cabinet Martin"))).isVisible();
        Locator pdfLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lire le mandat en PDF"));
        Locator sign = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Je signe"));
        org.assertj.core.api.Assertions.assertThat(text.boundingBox().y).as("the text comes before « Je signe »")
                .isLessThan(sign.boundingBox().y);
        org.assertj.core.api.Assertions.assertThat(pdfLink.boundingBox().y).isLessThan(sign.boundingBox().y);
        APIResponse pdf = page.request().get(url(pdfLink.getAttribute("href")));
        org.assertj.core.api.Assertions.assertThat(pdf.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        screenshot("signature-mandat");
        page.getByLabel("J'ai lu le mandat ci-dessus et je le signe").check();
        sign.click();
        assertThat(page.locator("#notice")).containsText("Le mandat « Mandat 2027 » est signé");

        logInToPortal(manager.email());
        page.navigate(url("/portail/fiche-structure?structure=" + manager.structureId() + "#mandats"));
        Locator row = page.locator("#mandats tbody tr").filter(new Locator.FilterOptions().setHasText("Mandat 2027"));
        assertThat(row).containsText("Actif");
        APIResponse download = page.request().get(url(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("PDF du mandat Mandat 2027")).getAttribute("href")));
        org.assertj.core.api.Assertions.assertThat(download.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(download.headers().get("content-type")).isEqualTo("application/pdf");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Révoquer le mandat Mandat 2027")).click();
        screenshot("revoquer-mandat-confirmation");
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Révoquer le mandat")).click();

        assertThat(page.locator("#notice")).containsText("Le mandat « Mandat 2027 » est révoqué");
        assertThat(row).containsText("Révoqué");
        screenshot("fiche-structure-mandats");
    }

    @Test
    void theGestionnaireAddsRenamesAndClosesServices() {
        Providers.Provider manager = providers.withOwnStructure();
        logInToPortal(manager.email());
        page.navigate(url("/portail/fiche-structure?structure=" + manager.structureId()));

        type(page.getByLabel(Pattern.compile("^Nom du nouveau service")), "Traduction écrite");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter le service")).click();
        assertThat(page.locator("#notice")).containsText("Le service « Traduction écrite » est ajouté (code S01)");
        type(page.getByLabel(Pattern.compile("^Nom du nouveau service")), "Interprétariat");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter le service")).click();
        assertThat(page.locator("#notice")).containsText("(code S02)");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Renommer le service Traduction écrite")).click();
        type(page.getByLabel(Pattern.compile("^Nouveau nom du service")), "Traductions juridiques");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Renommer le service").setExact(true)).click();
        assertThat(page.locator("#notice")).containsText("Le service S01 s'appelle désormais « Traductions juridiques »");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fermer le service Interprétariat")).click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Fermer le service")).click();
        assertThat(page.locator("#notice")).containsText("Le service « Interprétariat » est fermé");
        assertThat(page.locator("#services tbody tr").filter(new Locator.FilterOptions().setHasText("S02"))).containsText("Fermé");
        assertThat(page.locator("#services tbody tr").filter(new Locator.FilterOptions().setHasText("S01")))
                .containsText("Traductions juridiques");
        screenshot("fiche-structure-services");
    }

    private Locator memberRow(String name) {
        return page.locator("#membres tbody tr").filter(new Locator.FilterOptions().setHasText(name)).first();
    }

    /** The test providers are all Paul Martin: a member gets a name of his own through « Mon compte »'s API. */
    private void named(Providers.Provider who, String firstName, String lastName) {
        var answer = new Http(port).send(new Http(port).request("/api/me").header("Authorization", who.basic())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName + "\"}")));
        org.assertj.core.api.Assertions.assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")).setFullPage(true));
    }
}
