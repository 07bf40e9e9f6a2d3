package fr.fraisdejustice.memoire;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import fr.fraisdejustice.security.SecureTokens;

/**
 * The empreinte of a certificat de dépôt: the SHA-256 of a canonical text of the mémoire (its number, header, every
 * line with its amounts) followed by the SHA-256 of every attachment's content. Recomputed from what is stored, it
 * tells whether anything changed since the deposit.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(Memoire memoire, String mjNumber, List<MemoireAttachment> attachments) {
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
        attachments.stream().sorted(Comparator.comparing(a -> a.id().toString())).forEach(a -> {
            field(text, "attachment", a.kind());
            field(text, "fileName", a.fileName());
            field(text, "sha256", SecureTokens.sha256(a.content()));
        });
        return SecureTokens.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void field(StringBuilder text, String name, Object value) {
        text.append(name).append('=').append(value == null ? "" : value).append('\n');
    }
}
