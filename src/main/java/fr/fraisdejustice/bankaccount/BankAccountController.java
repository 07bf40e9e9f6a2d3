package fr.fraisdejustice.bankaccount;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
        String type = UploadCheck.check(document, "document", UploadCheck.PDF_PNG_JPEG, MAX_DOCUMENT_BYTES, MAX_NAME_LENGTH);
        BankAccount.Document proof = new BankAccount.Document(document.getOriginalFilename(), type, document.getBytes());
        return request.type().equals("RIB")
                ? BankAccount.rib(structureId, name, bank, branch, accountNumber, key, proof, now)
                : BankAccount.iban(structureId, name, iban, bic, proof, now);
    }

    record BankAccountRequest(String name, String type, String bankCode, String branchCode, String accountNumber,
                              String ribKey, String iban, String bic) {
    }

    record BankAccountView(UUID id, String name, String type, String bankCode, String branchCode, String accountNumber,
                           String ribKey, String iban, String bic, String documentName, boolean active) {
        static BankAccountView of(BankAccount a) {
            return new BankAccountView(a.id(), a.name(), a.type(), a.bankCode(), a.branchCode(), a.accountNumber(),
                    a.ribKey(), a.iban(), a.bic(), a.documentName(), a.active());
        }
    }
}
