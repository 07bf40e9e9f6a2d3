package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.security.ProviderPrincipal;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.structure.ProviderCategory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Mémoires")
class MemoireController {

    private final MemoireDrafts drafts;

    MemoireController(MemoireDrafts drafts) {
        this.drafts = drafts;
    }

    @PostMapping("/api/memoires")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer un brouillon de mémoire (profil « modification »)")
    MemoireView create(@RequestBody HeaderRequest request, @AuthenticationPrincipal ProviderPrincipal me) {
        if (request.structureId() == null) {
            throw DomainException.invalidField("structureId", "REQUIRED", "Indiquez la structure qui émet le mémoire.");
        }
        return drafts.create(request.structureId(), request.header(), me.accountId());
    }

    @GetMapping("/api/memoires/{number}")
    @Operation(summary = "Un mémoire de vos structures")
    MemoireView get(@PathVariable String number, @AuthenticationPrincipal ProviderPrincipal me) {
        return drafts.read(number, me.accountId());
    }

    @PutMapping("/api/memoires/{number}")
    @Operation(summary = "Modifier l'en-tête d'un brouillon")
    MemoireView change(@PathVariable String number, @RequestBody HeaderRequest request,
                       @AuthenticationPrincipal ProviderPrincipal me) {
        drafts.changeHeader(number, request.header(), me.accountId());
        return drafts.read(number, me.accountId());
    }

    @DeleteMapping("/api/memoires/{number}")
    @Operation(summary = "Supprimer un brouillon")
    ResponseEntity<Void> delete(@PathVariable String number, @AuthenticationPrincipal ProviderPrincipal me) {
        drafts.delete(number, me.accountId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/memoires/{number}/lines")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter une ligne de prestation ; les montants sont calculés par le serveur")
    MemoireView.LineView addLine(@PathVariable String number, @RequestBody LineRequest request,
                                 @AuthenticationPrincipal ProviderPrincipal me) {
        return drafts.addLine(number, request.entry(), me.accountId());
    }

    @PutMapping("/api/memoires/{number}/lines/{lineId}")
    @Operation(summary = "Modifier une ligne de prestation")
    MemoireView.LineView changeLine(@PathVariable String number, @PathVariable UUID lineId, @RequestBody LineRequest request,
                                    @AuthenticationPrincipal ProviderPrincipal me) {
        return drafts.changeLine(number, lineId, request.entry(), me.accountId());
    }

    @DeleteMapping("/api/memoires/{number}/lines/{lineId}")
    @Operation(summary = "Supprimer une ligne de prestation")
    ResponseEntity<Void> removeLine(@PathVariable String number, @PathVariable UUID lineId,
                                    @AuthenticationPrincipal ProviderPrincipal me) {
        drafts.removeLine(number, lineId, me.accountId());
        return ResponseEntity.noContent().build();
    }

    record HeaderRequest(UUID structureId, String jurisdictionCode, String serviceCode, UUID bankAccountId,
                         ProviderCategory providerCategory, String referenceText, VatType vatType,
                         String providerInvoiceNumber) {
        Memoire.Header header() {
            return new Memoire.Header(jurisdictionCode, serviceCode, bankAccountId, providerCategory, referenceText,
                    vatType, providerInvoiceNumber);
        }
    }

    record LineRequest(String caseNumber, LocalDate requisitionDate, String requestingAuthority, ServiceType serviceType,
                       LocalDate serviceDate, BigDecimal quantity, BigDecimal unitPriceExclVat, BigDecimal vatRate,
                       BigDecimal sundryCosts, String sundryCostsDetail, BigDecimal disbursements, Boolean withOption,
                       Boolean night, Boolean weekend, Boolean firstHour) {
        MemoireLine.Entry entry() {
            return new MemoireLine.Entry(caseNumber, requisitionDate, requestingAuthority, serviceType, serviceDate,
                    quantity, unitPriceExclVat, vatRate, sundryCosts, sundryCostsDetail, disbursements,
                    Boolean.TRUE.equals(withOption), Boolean.TRUE.equals(night), Boolean.TRUE.equals(weekend),
                    !Boolean.FALSE.equals(firstHour));
        }
    }
}
