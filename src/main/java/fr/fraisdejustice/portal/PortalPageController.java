package fr.fraisdejustice.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/** Renders every portal page from one shell: the page's form and API call are data, the browser code does the rest. */
@RestController
@Hidden
class PortalPageController {

    static final List<PortalPage> PAGES = List.of(
            PortalPage.search("/portail/juridictions", "Rechercher une juridiction",
                    "Les cours d'appel et les tribunaux judiciaires auxquels adresser vos mémoires.",
                    "jurisdiction-lookup", "/api/jurisdictions", "jurisdictions"),
            PortalPage.form("/portail/creer-un-compte", "Créer votre compte", "",
                    "account-creation", "/api/accounts", "").withResult("account-created"),
            PortalPage.form("/portail/activation", "Activer votre compte", "",
                    "account-activation", "/api/accounts/activation", "")
                    .withUrlFields("token=jeton", "/api/accounts/activation").withResult("activated"),
            PortalPage.form("/portail/connexion", "Se connecter", "",
                    "login", "/api/session", "/portail/compte"),
            PortalPage.form("/portail/mot-de-passe-oublie", "Mot de passe oublié",
                    "Saisissez l'adresse de connexion de votre compte : un lien vous sera envoyé à cette adresse.",
                    "password-forgotten", "/api/password-reset", "").withResult("message"),
            PortalPage.form("/portail/nouveau-mot-de-passe", "Choisir un nouveau mot de passe",
                    "Répondez à votre question secrète, puis choisissez votre nouveau mot de passe.",
                    "password-reset", "/api/password-reset/confirm", "")
                    .withUrlFields("token=jeton", "/api/password-reset").withResult("activated"),
            PortalPage.form("/portail/confirmation-adresse", "Confirmer votre adresse de contact",
                    "Cette adresse recevra les notifications de votre compte une fois confirmée.",
                    "contact-email-confirmation", "/api/me/contact-email/confirmation", "")
                    .withUrlFields("token=jeton", "").withResult("confirmed"),
            PortalPage.form("/portail/signature-mandat", "Signer le mandat de facturation", "",
                    "mandate-signature", "/api/mandates/signature", "")
                    .withUrlFields("token=jeton", "/api/mandates/signature")
                    .withResult("mandate-signed"),
            new PortalPage("/portail/structure", "Prérequis de votre structure",
                    "Avant votre premier mémoire, votre structure doit remplir ces prérequis ; seul son gestionnaire principal peut les remplir.",
                    "", "LOAD", "/api/structures/{structure}/prerequisites", "prerequisites", "", "", ""),
            PortalPage.form("/portail/coordonnees-bancaires", "Coordonnées bancaires", "",
                    "bank-account", "/api/structures/{structure}/bank-accounts", "").withResult("bank-account-added")
                    .multipart("bankAccount"),
            PortalPage.form("/portail/mandats", "Mandat de facturation", "",
                    "mandate-generation", "/api/structures/{structure}/mandates", "").withResult("mandate-generated"),
            new PortalPage("/portail/structure-parametres", "Paramètres de la structure", "", "structure-settings",
                    "PATCH", "/api/structures/{structure}", "structure-saved", "", "", "/api/structures/{structure}"),
            new PortalPage("/portail/rattachements", "Demandes de rattachement",
                    "Les personnes qui demandent à rejoindre votre structure : acceptez ou refusez ; elles en sont prévenues par courriel.",
                    "", "LOAD", "/api/structures/{structure}/membership-requests", "membership-requests", "", "", ""),
            PortalPage.form("/portail/nouveau-memoire", "Saisir un mémoire", "Commencez par l'en-tête : vous ajouterez ensuite les lignes et les pièces.",
                    "memoire-header", "/api/memoires", "/portail/memoire?numero={number}")
                    .withUrlFields("structureId=structure", "")
                    .withLookups("jurisdictions=/api/jurisdictions|code,bankAccounts=/api/structures/{structure}/bank-accounts|id,"
                            + "categories=/api/reference/provider-categories|code"),
            new PortalPage("/portail/memoire", "Mémoire", "", "", "LOAD", "/api/memoires/{numero}", "memoire", "", "", ""),
            new PortalPage("/portail/synthese", "Synthèse", "Les mémoires qui attendent une action de votre part.", "",
                    "LOAD", "/api/memoires/summary", "summary", "", "", ""),
            PortalPage.search("/portail/recherche", "Rechercher", "Les mémoires de vos structures, hors archives.",
                    "memoire-search", "/api/memoires", "memoires").withUrlFields("structure=structure", ""),
            PortalPage.search("/portail/archives", "Archives", "Les mémoires sans changement depuis plus de deux ans, en lecture seule.",
                    "memoire-search", "/api/archives", "memoires").withUrlFields("structure=structure", ""),
            new PortalPage("/portail/tableau-de-bord", "Tableau de bord", "Vos mémoires par statut et par structure.", "",
                    "LOAD", "/api/dashboard", "dashboard", "", "", ""),
            PortalPage.search("/portail/liste-fiscale", "Liste fiscale",
                    "Les mémoires mis en paiement sur une période d'un an au plus.", "fiscal-list", "/api/fiscal-list", "fiscal-list"),
            PortalPage.form("/portail/depot-flux", "Dépôt flux", "Déposez de nombreux mémoires en un seul fichier.",
                    "bulk-upload", "/api/bulk-uploads", "/portail/depot-flux-compte-rendu?depot={uploadId}").multipart("@fields"),
            new PortalPage("/portail/depot-flux-compte-rendu", "Compte rendu du dépôt flux", "", "", "LOAD",
                    "/api/bulk-uploads/{depot}", "bulk-report", "", "", ""),
            new PortalPage("/portail/sollicitations", "Sollicitations", "", "", "LOAD", "/api/tickets?view={vue}", "tickets", "", "", ""),
            new PortalPage("/portail/nouvelle-sollicitation", "Nouvelle sollicitation",
                    "Votre demande va au support national, ou au service qui traite le mémoire concerné.", "", "LOAD",
                    "/api/me", "ticket-new", "", "", ""),
            new PortalPage("/portail/sollicitation", "Sollicitation", "", "", "LOAD", "/api/tickets/{numero}", "ticket", "", "", ""),
            new PortalPage("/portail/compte", "Mon compte", "", "my-account", "LOAD", "/api/me", "account", "", "", ""));

    private final Map<String, PortalPage> byPath =
            PAGES.stream().collect(Collectors.toMap(PortalPage::path, Function.identity()));
    private final String shell;

    PortalPageController() throws IOException {
        try (InputStream in = new ClassPathResource("portal/page.html").getInputStream()) {
            this.shell = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @GetMapping(path = "/portail/{page}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        PortalPage page = byPath.get(request.getRequestURI());
        if (page == null) {
            return ResponseEntity.notFound().build();
        }
        String html = shell
                .replace("{{title}}", escape(page.title()))
                .replace("{{intro}}", escape(page.intro()))
                .replace("{{form}}", escape(page.formId()))
                .replace("{{method}}", escape(page.method()))
                .replace("{{action}}", escape(page.action()))
                .replace("{{result}}", escape(page.result()))
                .replace("{{next}}", escape(page.next()))
                .replace("{{urlFields}}", escape(page.urlFields()))
                .replace("{{check}}", escape(page.check()))
                .replace("{{multipart}}", escape(page.multipart()))
                .replace("{{lookups}}", escape(page.lookups()));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value == null ? "" : value, "UTF-8");
    }
}
