package fr.fraisdejustice.mandate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.security.ProviderPrincipal;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.structure.Structure;
import fr.fraisdejustice.structure.Structures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Structures et prérequis")
class MandateController {

    private final MandateSignature signature;
    private final MandateDocument documents;
    private final Structures structures;
    private final AccountDirectory directory;

    MandateController(MandateSignature signature, MandateDocument documents, Structures structures,
                      AccountDirectory directory) {
        this.signature = signature;
        this.documents = documents;
        this.structures = structures;
        this.directory = directory;
    }

    @GetMapping("/api/structures/{structureId}/mandates")
    @Operation(summary = "Les mandats de facturation de la structure (membres)")
    List<MandateView> list(@PathVariable UUID structureId, @AuthenticationPrincipal ProviderPrincipal me) {
        structures.requireMember(structureId, me.accountId());
        return signature.of(structureId).stream().map(MandateView::of).toList();
    }

    @PostMapping("/api/structures/{structureId}/mandates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Générer un mandat ; le lien de signature est envoyé par courriel (gestionnaire principal)")
    MandateView generate(@PathVariable UUID structureId, @RequestBody Generation request,
                         @AuthenticationPrincipal ProviderPrincipal me) {
        structures.requirePrincipalManager(structureId, me.accountId());
        AccountDirectory.Contact contact = directory.contact(me.accountId());
        return MandateView.of(signature.generate(structureId, request.label(),
                new MandateSignature.Signatory(me.accountId(), contact.fullName(), contact.contactEmail())));
    }

    @PostMapping("/api/structures/{structureId}/mandates/{mandateId}/revocation")
    @Operation(summary = "Révoquer un mandat (gestionnaire principal)")
    MandateView revoke(@PathVariable UUID structureId, @PathVariable UUID mandateId,
                       @AuthenticationPrincipal ProviderPrincipal me) {
        structures.requirePrincipalManager(structureId, me.accountId());
        return MandateView.of(signature.revoke(structureId, mandateId));
    }

    @GetMapping(path = "/api/structures/{structureId}/mandates/{mandateId}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Le mandat en PDF (membres)")
    ResponseEntity<byte[]> document(@PathVariable UUID structureId, @PathVariable UUID mandateId,
                                    @AuthenticationPrincipal ProviderPrincipal me) {
        Structure structure = structures.requireMember(structureId, me.accountId());
        BillingMandate mandate = signature.of(structureId).stream().filter(m -> m.id().equals(mandateId)).findFirst()
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "MANDATE_NOT_FOUND",
                        "Ce mandat n'existe pas pour cette structure."));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("mandat-de-facturation.pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(documents.render(mandate, structure));
    }

    @GetMapping("/api/mandates/signature")
    @Operation(summary = "Lire le mandat d'un lien de signature avant de signer : son texte et la structure, ou, avec "
            + "format=pdf, le mandat en PDF (anonyme)")
    ResponseEntity<?> check(@RequestParam String token, @RequestParam(required = false) String format) {
        BillingMandate mandate = signature.check(token);
        Structure structure = structures.byId(mandate.structureId());
        if ("pdf".equals(format)) {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename("mandat-de-facturation.pdf").build().toString())
                    .contentType(MediaType.APPLICATION_PDF)
                    .body(documents.render(mandate, structure));
        }
        return ResponseEntity.ok(new ToSign(mandate.id(), mandate.label(), mandate.status(), mandate.createdAt(),
                mandate.signatoryName(), structure.name(), structure.identifierType().label(), structure.identifier(),
                MandateDocument.REGULATORY_TEXT,
                UriComponentsBuilder.fromPath("/api/mandates/signature").queryParam("token", token)
                        .queryParam("format", "pdf").build().encode().toUriString()));
    }

    @PostMapping("/api/mandates/signature")
    @Operation(summary = "Signer un mandat avec le lien reçu (anonyme)")
    MandateView sign(@RequestBody Signature request) {
        return MandateView.of(signature.sign(request.token()));
    }

    /** What the signatory reads before « Je signe »: the mandate, its structure, its full text and its PDF. */
    record ToSign(UUID id, String label, MandateStatus status, Instant createdAt, String signatory, String structureName,
                  String identifierTypeLabel, String identifier, String text, String documentUrl) {
    }

    record Generation(String label) {
    }

    record Signature(String token) {
    }

    record MandateView(UUID id, String label, MandateStatus status, boolean migrated, Instant createdAt,
                       Instant signedAt, String signatory, Instant revokedAt) {
        static MandateView of(BillingMandate m) {
            return new MandateView(m.id(), m.label(), m.status(), m.migrated(), m.createdAt(), m.signedAt(),
                    m.signatoryName(), m.revokedAt());
        }
    }
}
