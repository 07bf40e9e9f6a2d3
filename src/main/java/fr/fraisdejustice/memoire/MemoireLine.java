package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A ligne de prestation, with the amounts and tariff flags the server computed for it. */
@Entity
@Table(name = "memoire_line")
public class MemoireLine {

    /** What the provider enters on a line; everything else is computed. */
    public record Entry(String caseNumber, LocalDate requisitionDate, String requestingAuthority, ServiceType serviceType,
                 LocalDate serviceDate, BigDecimal quantity, BigDecimal unitPriceExclVat, BigDecimal vatRate,
                 BigDecimal sundryCosts, String sundryCostsDetail, BigDecimal disbursements, boolean withOption,
                 boolean night, boolean weekend, boolean firstHour) {
    }

    @Id
    private UUID id;

    @Column(name = "memoire_id")
    private UUID memoireId;

    private int position;

    @Column(name = "case_number")
    private String caseNumber;

    @Column(name = "requisition_date")
    private LocalDate requisitionDate;

    @Column(name = "requesting_authority")
    private String requestingAuthority;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_type")
    private ServiceType serviceType;

    @Column(name = "service_date")
    private LocalDate serviceDate;

    private BigDecimal quantity;

    @Column(name = "unit_price_excl_vat")
    private BigDecimal unitPriceExclVat;

    @Column(name = "vat_rate")
    private BigDecimal vatRate;

    @Column(name = "sundry_costs")
    private BigDecimal sundryCosts;

    @Column(name = "sundry_costs_detail")
    private String sundryCostsDetail;

    private BigDecimal disbursements;

    @Column(name = "with_option")
    private boolean withOption;

    private boolean night;

    private boolean weekend;

    @Column(name = "first_hour")
    private boolean firstHour;

    @Column(name = "amount_excl_vat")
    private BigDecimal amountExclVat;

    @Column(name = "vat_amount")
    private BigDecimal vatAmount;

    @Column(name = "amount_incl_vat")
    private BigDecimal amountInclVat;

    private boolean tariffed;

    @Column(name = "tariff_excl_vat")
    private BigDecimal tariffExclVat;

    @Column(name = "above_tariff")
    private boolean aboveTariff;

    @Column(name = "corrected_excl_vat")
    private BigDecimal correctedExclVat;

    @Column(name = "correction_reason")
    private String correctionReason;

    protected MemoireLine() {
    }

    MemoireLine(UUID memoireId, int position) {
        this.id = UUID.randomUUID();
        this.memoireId = memoireId;
        this.position = position;
    }

    /** Takes the provider's entry and computes the amounts and the comparison with the CPP tariff. */
    void enter(Entry entry, Tariffs.Tariff tariff) {
        caseNumber = entry.caseNumber().trim();
        requisitionDate = entry.requisitionDate();
        requestingAuthority = entry.requestingAuthority().trim();
        serviceType = entry.serviceType();
        serviceDate = entry.serviceDate();
        quantity = entry.quantity();
        unitPriceExclVat = entry.unitPriceExclVat().setScale(2);
        vatRate = entry.vatRate();
        sundryCosts = entry.sundryCosts().setScale(2);
        sundryCostsDetail = entry.sundryCostsDetail();
        disbursements = entry.disbursements().setScale(2);
        withOption = entry.withOption();
        night = entry.night();
        weekend = entry.weekend();
        firstHour = entry.firstHour();
        LineAmounts amounts = LineAmounts.of(quantity, unitPriceExclVat, vatRate, sundryCosts, disbursements);
        amountExclVat = amounts.exclVat();
        vatAmount = amounts.vat();
        amountInclVat = amounts.inclVat();
        tariffed = tariff.tariffed();
        tariffExclVat = tariff.unitPriceExclVat().orElse(null);
        aboveTariff = tariffExclVat != null && unitPriceExclVat.compareTo(tariffExclVat) > 0;
    }

    /** A clerk's redressement: the amount HT he certifies instead of the requested one, and why. */
    void correct(BigDecimal exclVat, String reason) {
        correctedExclVat = exclVat.setScale(2);
        correctionReason = reason;
    }

    /** What the State owes for this line: the requested TTC, or the TTC of the corrected amount HT. */
    BigDecimal grantedInclVat() {
        return correctedExclVat == null ? amountInclVat
                : LineAmounts.of(BigDecimal.ONE, correctedExclVat, vatRate, sundryCosts, disbursements).inclVat();
    }

    /** The entry as the provider made it, to copy it into a duplicate. */
    Entry entry() {
        return new Entry(caseNumber, requisitionDate, requestingAuthority, serviceType, serviceDate, quantity,
                unitPriceExclVat, vatRate, sundryCosts, sundryCostsDetail, disbursements, withOption, night, weekend,
                firstHour);
    }

    public UUID id() { return id; }
    UUID memoireId() { return memoireId; }
    int position() { return position; }
    String caseNumber() { return caseNumber; }
    LocalDate requisitionDate() { return requisitionDate; }
    String requestingAuthority() { return requestingAuthority; }
    ServiceType serviceType() { return serviceType; }
    LocalDate serviceDate() { return serviceDate; }
    BigDecimal quantity() { return quantity; }
    BigDecimal unitPriceExclVat() { return unitPriceExclVat; }
    BigDecimal vatRate() { return vatRate; }
    BigDecimal sundryCosts() { return sundryCosts; }
    String sundryCostsDetail() { return sundryCostsDetail; }
    BigDecimal disbursements() { return disbursements; }
    boolean withOption() { return withOption; }
    boolean night() { return night; }
    boolean weekend() { return weekend; }
    boolean firstHour() { return firstHour; }
    BigDecimal amountExclVat() { return amountExclVat; }
    BigDecimal vatAmount() { return vatAmount; }
    BigDecimal amountInclVat() { return amountInclVat; }
    boolean tariffed() { return tariffed; }
    BigDecimal tariffExclVat() { return tariffExclVat; }
    boolean aboveTariff() { return aboveTariff; }
    BigDecimal correctedExclVat() { return correctedExclVat; }
    String correctionReason() { return correctionReason; }
}
