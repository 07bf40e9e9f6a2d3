package fr.fraisdejustice.bankaccount;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import fr.fraisdejustice.security.ProviderPrincipal;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FieldProblem;
import fr.fraisdejustice.shared.UploadCheck;
import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.structure.StructureIdentifiers;
import fr.fraisdejustice.structure.Structures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Structures et prérequis")
class BankAccountController {

    /** DOMAIN.md: the RIB upload limit is 4 096 KB. */
    static final long MAX_DOCUMENT_BYTES = 4096L * 1024;
    static final int MAX_NAME_LENGTH = 50;

    private final BankAccounts bankAccounts;
    private final Structures structures;
    private final Clock clock;

    BankAccountController(BankAccounts bankAccounts, Structures structures, Clock clock) {
        this.bankAccounts = bankAccounts;
        this.structures = structures;
        this.clock = clock;
    }

    @GetMapping("/api/structures/{structureId}/bank-accounts")
    @Operation(summary = "Les coordonnées bancaires de la structure (membres)")
    List<BankAccountView> list(@PathVariable UUID structureId, @AuthenticationPrincipal ProviderPrincipal me) {
        structures.requireMember(structureId, me.accountId());
        return bankAccounts.of(structureId).stream().map(BankAccountView::of).toList();
    }

    @GetMapping("/api/structures/{structureId}/bank-accounts/{bankAccountId}/document")
    @Operation(summary = "Le RIB ou l'IBAN déposé avec ces coordonnées bancaires (membres)")
    ResponseEntity<byte[]> document(@PathVariable UUID structureId, @PathVariable UUID bankAccountId,
                                    @AuthenticationPrincipal ProviderPrincipal me) {
        structures.requireMember(structureId, me.accountId());
        BankAccounts.Proof proof = bankAccounts.proofOf(structureId, bankAccountId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(proof.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(proof.mediaType()))
                .body(proof.content());
    }

    @PostMapping(path = "/api/structures/{structureId}/bank-accounts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter des coordonnées bancaires, RIB ou IBAN, avec le document (gestionnaire principal)")
    BankAccountView add(@PathVariable UUID structureId, @RequestPart("bankAccount") BankAccountRequest request,
                        @RequestPart(name = "document", required = false) MultipartFile document,
                        @AuthenticationPrincipal ProviderPrincipal me) throws IOException {
        structures.requirePrincipalManager(structureId, me.accountId());
        BankAccount account = validated(structureId, request, document, clock.instant());
        return BankAccountView.of(bankAccounts.add(account));
    }

    @DeleteMapping("/api/structures/{structureId}/bank-accounts/{bankAccountId}")
    @Operation(summary = "Désactiver des coordonnées bancaires (gestionnaire principal)")
    ResponseEntity<Void> deactivate(@PathVariable UUID structureId, @PathVariable UUID bankAccountId,
                                    @AuthenticationPrincipal ProviderPrincipal me) {
        structures.requirePrincipalManager(structureId, me.accountId());
        bankAccounts.deactivate(structureId, bankAccountId);
        return ResponseEntity.noContent().build();
    }

    private static BankAccount validated(UUID structureId, BankAccountRequest request, MultipartFile document,
                                         Instant now) throws IOException {
        if (request == null || request.type() == null || !List.of("RIB", "IBAN").contains(request.type())) {
            throw DomainException.invalidField("type", "REQUIRED", "Choisissez le type de coordonnées : RIB ou IBAN.");
        }
        String name = request.name() == null ? "" : request.name().trim();
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new FieldProblem("name", "REQUIRED", "Donnez un libellé à ces coordonnées (100 caractères au plus)."));
        }
        String bank = BankDetails.compact(request.bankCode());
        String branch = BankDetails.compact(request.branchCode());
        String accountNumber = BankDetails.compact(request.accountNumber());
        String key = BankDetails.compact(request.ribKey());
        String iban = BankDetails.compact(request.iban());
        String bic = BankDetails.compact(request.bic());
        problems.addAll(request.type().equals("RIB") ? BankDetails.ribProblems(bank, branch, accountNumber, key)
                : BankDetails.ibanProblems(iban, bic));
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "VALIDATION_FAILED",
                    "Les coordonnées bancaires sont invalides : corrigez les champs signalés.", problems);
        }
        BankAccount.Factor factor = factor(request);
        String type = UploadCheck.check(document, "document", UploadCheck.PDF_PNG_JPEG, MAX_DOCUMENT_BYTES, MAX_NAME_LENGTH);
        BankAccount.Document proof = new BankAccount.Document(document.getOriginalFilename(), type, document.getBytes());
        return (request.type().equals("RIB")
                ? BankAccount.rib(structureId, name, bank, branch, accountNumber, key, proof, now)
                : BankAccount.iban(structureId, name, iban, bic, proof, now)).factoredBy(factor);
    }

    /** The optional affactureur: both its name and its SIRET, or neither. */
    private static BankAccount.Factor factor(BankAccountRequest request) {
        String name = request.factorName() == null ? "" : request.factorName().trim();
        String siret = StructureIdentifiers.normalize(IdentifierType.SIRET, request.factorIdentifier());
        if (name.isEmpty() && (siret == null || siret.isEmpty())) {
            return null;
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new FieldProblem("factorName", "REQUIRED",
                    "Donnez le nom de l'affactureur (100 caractères au plus), ou laissez ses deux champs vides."));
        }
        if (siret == null || !StructureIdentifiers.conforms(IdentifierType.SIRET, siret)) {
            problems.add(new FieldProblem("factorIdentifier", "INVALID_IDENTIFIER",
                    "Le SIRET de l'affactureur compte 14 chiffres et sa clé de contrôle doit être juste."));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "VALIDATION_FAILED",
                    "L'affactureur est incomplet : donnez son nom et son SIRET, ou aucun des deux.", problems);
        }
        return new BankAccount.Factor(name, siret);
    }

    record BankAccountRequest(String name, String type, String bankCode, String branchCode, String accountNumber,
                              String ribKey, String iban, String bic, String factorName, String factorIdentifier) {
    }

    record BankAccountView(UUID id, String name, String type, String bankCode, String branchCode, String accountNumber,
                           String ribKey, String iban, String bic, String maskedIban, String factorName,
                           String factorIdentifier, String documentName, boolean active, Instant createdAt,
                           Instant deactivatedAt) {
        static BankAccountView of(BankAccount a) {
            return new BankAccountView(a.id(), a.name(), a.type(), a.bankCode(), a.branchCode(), a.accountNumber(),
                    a.ribKey(), a.iban(), a.bic(), a.maskedIban(), a.factorName(), a.factorIdentifier(), a.documentName(),
                    a.active(), a.createdAt(), a.deactivatedAt());
        }
    }
}
