package fr.fraisdejustice.memoire;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import fr.fraisdejustice.shared.SecureTokens;

/**
 * The empreinte of a certificat de dépôt: the SHA-256 of a canonical text of the mémoire (its number, header, every
 * line with its amounts) followed by the SHA-256 of every attachment's content. Recomputed from what is stored, it
 * tells whether anything changed since the deposit.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    /** At deposit: each attachment's SHA-256 as computed from its bytes when it was uploaded. */
    static String atDeposit(Memoire memoire, String mjNumber, List<MemoireAttachmentRepository.Summary> attachments) {
        return of(memoire, mjNumber, attachments.stream()
                .map(a -> new Part(a.getId().toString(), a.getKind(), a.getFileName(), a.getSha256())).toList());
    }

    /**
     * At verification: each attachment's SHA-256 computed again from the bytes stored now; documents added later, to
     * complete a suspended mémoire, were not part of the deposit.
     */
    static String now(Memoire memoire, String mjNumber, List<MemoireAttachment> attachments) {
        return of(memoire, mjNumber, attachments.stream().filter(a -> !a.createdAt().isAfter(memoire.depositedAt()))
                .map(a -> new Part(a.id().toString(), a.kind(), a.fileName(), SecureTokens.sha256(a.content()))).toList());
    }

    private record Part(String id, AttachmentKind kind, String fileName, String sha256) {
    }

    private static String of(Memoire memoire, String mjNumber, List<Part> attachments) {
        StringBuilder text = new StringBuilder();
        field(text, "number", mjNumber);
        field(text, "structure", memoire.structureId());
        field(text, "jurisdiction", memoire.jurisdictionCode());
        field(text, "service", memoire.serviceCode());
        field(text, "bankAccount", memoire.bankAccountId());
        field(text, "category", memoire.providerCategory());
        field(text, "referenceText", memoire.referenceText());
        field(text, "vatType", memoire.vatType());
        field(text, "providerInvoiceNumber", memoire.providerInvoiceNumber());
        for (MemoireLine line : memoire.lines()) {
            field(text, "line", line.position());
            field(text, "caseNumber", line.caseNumber());
            field(text, "requisitionDate", line.requisitionDate());
            field(text, "requestingAuthority", line.requestingAuthority());
            field(text, "serviceType", line.serviceType());
            field(text, "serviceDate", line.serviceDate());
            field(text, "quantity", line.quantity().stripTrailingZeros().toPlainString());
            field(text, "unitPrice", line.unitPriceExclVat().toPlainString());
            field(text, "vatRate", line.vatRate().stripTrailingZeros().toPlainString());
            field(text, "sundryCosts", line.sundryCosts().toPlainString());
            field(text, "disbursements", line.disbursements().toPlainString());
            field(text, "inclVat", line.amountInclVat().toPlainString());
        }
        attachments.stream().sorted(Comparator.comparing(Part::id)).forEach(a -> {
            field(text, "attachment", a.kind());
            field(text, "fileName", a.fileName());
            field(text, "sha256", a.sha256());
        });
        return SecureTokens.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void field(StringBuilder text, String name, Object value) {
        text.append(name).append('=').append(value == null ? "" : value).append('\n');
    }
}
