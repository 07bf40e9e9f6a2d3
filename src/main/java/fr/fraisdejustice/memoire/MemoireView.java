package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import fr.fraisdejustice.structure.ProviderCategory;

/** A mémoire as the API shows it, with its totals overall and per VAT rate. */
public record MemoireView(String number, String draftNumber, MemoireStatus status, Instant depositedAt, String fingerprint,
                   boolean late, UUID structureId, String jurisdictionCode, String serviceCode,
                   UUID bankAccountId, ProviderCategory providerCategory, String referenceText, VatType vatType,
                   String providerInvoiceNumber, Instant createdAt, Instant updatedAt, List<LineView> lines,
                   Totals totals, String statusLabel, String statusReason, Instant statusChangedAt,
                   String certifyingOffice, Track track, String complementRequest, BigDecimal grantedAmount,
                   Instant appealDeadline, BigDecimal paidAmount, LocalDate paymentDate, String duplicateOf,
                   List<String> availableActions, List<MemoireHistory.Step> history) {

    /** The view with the mémoire's history, for the provider who follows it. */
    MemoireView withHistory(List<MemoireHistory.Step> steps) {
        return new MemoireView(number, draftNumber, status, depositedAt, fingerprint, late, structureId, jurisdictionCode,
                serviceCode, bankAccountId, providerCategory, referenceText, vatType, providerInvoiceNumber, createdAt,
                updatedAt, lines, totals, statusLabel, statusReason, statusChangedAt, certifyingOffice, track,
                complementRequest, grantedAmount, appealDeadline, paidAmount, paymentDate, duplicateOf,
                availableActions, steps);
    }

    public record LineView(UUID id, int position, String caseNumber, LocalDate requisitionDate, String requestingAuthority,
                    ServiceType serviceType, LocalDate serviceDate, BigDecimal quantity, BigDecimal unitPriceExclVat,
                    BigDecimal vatRate, BigDecimal sundryCosts, String sundryCostsDetail, BigDecimal disbursements,
                    boolean withOption, boolean night, boolean weekend, boolean firstHour, BigDecimal amountExclVat,
                    BigDecimal vatAmount, BigDecimal amountInclVat, boolean tariffed, BigDecimal tariffExclVat,
                    boolean aboveTariff) {

        static LineView of(MemoireLine l) {
            return new LineView(l.id(), l.position(), l.caseNumber(), l.requisitionDate(), l.requestingAuthority(),
                    l.serviceType(), l.serviceDate(), l.quantity(), l.unitPriceExclVat(), l.vatRate(), l.sundryCosts(),
                    l.sundryCostsDetail(), l.disbursements(), l.withOption(), l.night(), l.weekend(), l.firstHour(),
                    l.amountExclVat(), l.vatAmount(), l.amountInclVat(), l.tariffed(), l.tariffExclVat(), l.aboveTariff());
        }
    }

    /** HT is quantity × tariff; TTC adds the sundry costs, the VAT and the disbursements. */
    record Amounts(BigDecimal exclVat, BigDecimal sundryCosts, BigDecimal vat, BigDecimal disbursements,
                   BigDecimal inclVat) {

        static Amounts of(List<MemoireLine> lines) {
            return new Amounts(sum(lines, MemoireLine::amountExclVat), sum(lines, MemoireLine::sundryCosts),
                    sum(lines, MemoireLine::vatAmount), sum(lines, MemoireLine::disbursements),
                    sum(lines, MemoireLine::amountInclVat));
        }

        /** A mémoire imported without lines: its totals as the former portal gave them, TTC − (HT + TVA) as débours. */
        static Amounts imported(Memoire m) {
            BigDecimal inclVat = m.importedInclVat();
            return new Amounts(m.importedExclVat(), BigDecimal.ZERO.setScale(2), m.importedVat(),
                    inclVat.subtract(m.importedExclVat()).subtract(m.importedVat()), inclVat);
        }

        private static BigDecimal sum(List<MemoireLine> lines, Function<MemoireLine, BigDecimal> amount) {
            return lines.stream().map(amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }
    }

    record RateTotals(BigDecimal vatRate, Amounts amounts) {
    }

    record Totals(BigDecimal exclVat, BigDecimal vat, BigDecimal inclVat, Amounts overall, List<RateTotals> byVatRate) {
    }

    static MemoireView of(Memoire m) {
        List<MemoireLine> lines = m.lines();
        Map<BigDecimal, List<MemoireLine>> byRate = new TreeMap<>(Comparator.naturalOrder());
        lines.forEach(l -> byRate.computeIfAbsent(l.vatRate().stripTrailingZeros(), r -> new ArrayList<>()).add(l));
        Amounts overall = m.imported() ? Amounts.imported(m) : Amounts.of(lines);
        return new MemoireView(m.number(), m.draftNumber(), m.status(), m.depositedAt(), m.fingerprint(), m.late(),
                m.structureId(), m.jurisdictionCode(), m.serviceCode(),
                m.bankAccountId(), m.providerCategory(), m.referenceText(), m.vatType(), m.providerInvoiceNumber(),
                m.createdAt(), m.updatedAt(), lines.stream().map(LineView::of).toList(),
                new Totals(overall.exclVat(), overall.vat(), overall.inclVat(), overall,
                        byRate.entrySet().stream().map(e -> new RateTotals(e.getKey(), Amounts.of(e.getValue()))).toList()),
                m.status().label(), m.statusReason(), m.statusChangedAt(), m.certifyingOffice(), m.track(),
                m.status() == MemoireStatus.SUSPENDU ? m.complementRequest() : null, m.grantedAmount(),
                appealDeadline(m), m.paidAmount(), m.paymentDate(), m.duplicateOf(), actions(m), null);
    }

    private static Instant appealDeadline(Memoire m) {
        return m.status() == MemoireStatus.TAXE && m.taxedBelowOrAboveRequest() && m.taxationNotifiedAt() != null
                ? m.taxationNotifiedAt().plus(MemoireLifecycleProcess.APPEAL_PERIOD) : null;
    }

    /** What the provider may do next; the server checks it again when he does. */
    private static List<String> actions(Memoire m) {
        if (m.imported()) {
            return List.of();
        }
        return switch (m.status()) {
            case BROUILLON -> List.of("MODIFIER", "ENVOYER", "SUPPRIMER", "ABANDONNER");
            case SUSPENDU -> List.of("COMPLETER", "DUPLIQUER");
            case REFUSE -> List.of("DUPLIQUER", "ABANDONNER");
            case TAXE -> appealDeadline(m) != null ? List.of("FORMER_RECOURS", "DUPLIQUER") : List.of("DUPLIQUER");
            case DUPLIQUE_POST_REFUS -> List.of();
            // any sent mémoire may be copied into a new draft (a new mission of the same kind); an abandoned draft not
            default -> m.mjNumber() == null ? List.of() : List.of("DUPLIQUER");
        };
    }
}
