package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.structure.ProviderCategory;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A mémoire de frais de justice: its header and its lines. Only a draft (BROUILLON) can be changed. */
@Entity
@Table(name = "memoire")
public class Memoire {

    /** What the provider enters in the header. */
    /** A clerk's redressement of a line: the amount HT certified, and its reason. */
    record Correction(BigDecimal exclVat, String reason) {
    }

    public record Header(String jurisdictionCode, String serviceCode, UUID bankAccountId, ProviderCategory providerCategory,
                  String referenceText, VatType vatType, String providerInvoiceNumber) {
    }

    @Id
    private UUID id;

    private String number;

    @Column(name = "structure_id")
    private UUID structureId;

    @Column(name = "jurisdiction_code")
    private String jurisdictionCode;

    @Column(name = "service_code")
    private String serviceCode;

    @Column(name = "bank_account_id")
    private UUID bankAccountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider_category")
    private ProviderCategory providerCategory;

    @Column(name = "reference_text")
    private String referenceText;

    @Enumerated(EnumType.STRING)
    @Column(name = "vat_type")
    private VatType vatType;

    @Column(name = "provider_invoice_number")
    private String providerInvoiceNumber;

    @Enumerated(EnumType.STRING)
    private MemoireStatus status;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    @Column(name = "mj_number")
    private String mjNumber;

    @Column(name = "deposited_at")
    private Instant depositedAt;

    private String fingerprint;

    private boolean late;

    @Column(name = "certifying_office")
    private String certifyingOffice;

    @Column(name = "cour_appel")
    private String courAppel;

    @Enumerated(EnumType.STRING)
    private Track track;

    @Enumerated(EnumType.STRING)
    @Column(name = "control_level")
    private ControlLevel controlLevel;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    @Column(name = "complement_request")
    private String complementRequest;

    @Column(name = "granted_amount")
    private BigDecimal grantedAmount;

    @Column(name = "taxation_notified_at")
    private Instant taxationNotifiedAt;

    @Column(name = "paid_amount")
    private BigDecimal paidAmount;

    @Column(name = "payment_date")
    private LocalDate paymentDate;

    @Column(name = "duplicate_of")
    private String duplicateOf;

    /** The sum of the lines' TTC, kept here for the workspace's filters and sorting. */
    @Column(name = "amount_incl_vat")
    private BigDecimal amountInclVat = BigDecimal.ZERO.setScale(2);

    /** Set on a past mémoire imported from the former portal (ImportedMemoires): read-only, kept with its former number. */
    @Column(name = "imported_at")
    private Instant importedAt;

    /** An imported mémoire has no lines here: its totals come with it. */
    @Column(name = "imported_excl_vat")
    private BigDecimal importedExclVat;

    @Column(name = "imported_vat")
    private BigDecimal importedVat;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "memoire_id", insertable = false, updatable = false)
    @OrderBy("position")
    private List<MemoireLine> lines = new ArrayList<>();

    protected Memoire() {
    }

    static Memoire draft(String number, UUID structureId, Header header, UUID createdBy, Instant now) {
        Memoire memoire = new Memoire();
        memoire.id = UUID.randomUUID();
        memoire.number = number;
        memoire.structureId = structureId;
        memoire.status = MemoireStatus.BROUILLON;
        memoire.createdBy = createdBy;
        memoire.createdAt = now;
        memoire.statusChangedAt = now;
        memoire.setHeader(header, now);
        return memoire;
    }

    void changeHeader(Header header, Instant now) {
        requireDraft();
        setHeader(header, now);
    }

    MemoireLine addLine(MemoireLine.Entry entry, Tariffs.Tariff tariff, Instant now) {
        requireDraft();
        MemoireLine line = new MemoireLine(id, lines.size() + 1);
        line.enter(entry, tariff);
        lines.add(line);
        linesChanged(now);
        return line;
    }

    MemoireLine changeLine(UUID lineId, MemoireLine.Entry entry, Tariffs.Tariff tariff, Instant now) {
        requireDraft();
        MemoireLine line = line(lineId);
        line.enter(entry, tariff);
        linesChanged(now);
        return line;
    }

    void removeLine(UUID lineId, Instant now) {
        requireDraft();
        lines.remove(line(lineId));
        linesChanged(now);
    }

    /** Sending: the definitive number, the deposit date and the certificate's fingerprint; no change after this. */
    void deposit(String mjNumber, Instant now, String fingerprint, boolean late) {
        requireDraft();
        this.mjNumber = mjNumber;
        this.depositedAt = now;
        this.fingerprint = fingerprint;
        this.late = late;
        changeStatus(MemoireStatus.DEPOSE, null, now);
    }

    /** memoire-routing's answer: the mémoire is now at the certifying office's disposal. */
    void route(String certifyingOffice, String courAppel, Track track, ControlLevel controlLevel, Instant now) {
        requireStatus("le mettre à disposition", MemoireStatus.DEPOSE);
        this.certifyingOffice = certifyingOffice;
        this.courAppel = courAppel;
        this.track = track;
        this.controlLevel = controlLevel;
        changeStatus(MemoireStatus.MIS_A_DISPOSITION, null, now);
    }

    void suspend(String request, Instant now) {
        requireStatus("demander un complément", MemoireStatus.MIS_A_DISPOSITION, MemoireStatus.COMPLETE);
        complementRequest = request;
        changeStatus(MemoireStatus.SUSPENDU, request, now);
    }

    void complete(String information, Instant now) {
        requireStatus("le compléter", MemoireStatus.SUSPENDU);
        changeStatus(MemoireStatus.COMPLETE, information, now);
    }

    /** Certifies the mémoire, after the given redressements of line amounts. */
    void certify(Map<Integer, Correction> corrections, Instant now) {
        requireStatus("le certifier", MemoireStatus.MIS_A_DISPOSITION, MemoireStatus.COMPLETE);
        for (Map.Entry<Integer, Correction> correction : corrections.entrySet()) {
            lines.stream().filter(l -> l.position() == correction.getKey()).findFirst()
                    .orElseThrow(() -> new DomainException(DomainException.Kind.INVALID, "UNKNOWN_LINE",
                            "Le mémoire n'a pas de ligne n° " + correction.getKey() + " : corrigez le numéro de ligne."))
                    .correct(correction.getValue().exclVat(), correction.getValue().reason());
        }
        grantedAmount = lines.stream().map(MemoireLine::grantedInclVat).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        String reason = corrections.isEmpty() ? null
                : corrections.size() + " montant(s) corrigé(s) : " + corrections.entrySet().stream()
                        .map(c -> "ligne " + c.getKey() + " (" + c.getValue().reason() + ")").collect(Collectors.joining(", "));
        // the status reason is a varchar(2000); each line keeps its whole reason
        changeStatus(MemoireStatus.CERTIFIE, reason == null || reason.length() <= 2000 ? reason
                : reason.substring(0, 1999) + "…", now);
    }

    void sendToTaxation(Instant now) {
        requireStatus("le transmettre à la taxation", MemoireStatus.MIS_A_DISPOSITION, MemoireStatus.COMPLETE);
        track = Track.TAXATION;
        statusChangedAt = now;
        updatedAt = now;
    }

    void refuse(String reason, Instant now) {
        requireStatus("le refuser", MemoireStatus.MIS_A_DISPOSITION, MemoireStatus.COMPLETE);
        changeStatus(MemoireStatus.REFUSE, reason, now);
    }

    /** The ordonnance de taxe, or the decision on an appeal against it: the amount the State owes. */
    void tax(BigDecimal amount, String reasoning, Instant now) {
        requireStatus("le taxer", MemoireStatus.MIS_A_DISPOSITION, MemoireStatus.COMPLETE, MemoireStatus.TAXE);
        grantedAmount = amount.setScale(2);
        taxationNotifiedAt = now;
        changeStatus(MemoireStatus.TAXE, reasoning, now);
    }

    /** Whether the taxed amount differs from the request, which opens the 10-day appeal (CPP R.228-1). */
    boolean taxedBelowOrAboveRequest() {
        return grantedAmount != null && grantedAmount.compareTo(requestedAmount()) != 0;
    }

    void orderPayment(Instant now) {
        requireStatus("ordonnancer son paiement", MemoireStatus.CERTIFIE, MemoireStatus.TAXE);
        changeStatus(MemoireStatus.MANDATE, null, now);
    }

    void releasePayment(LocalDate date, BigDecimal amount, Instant now) {
        requireStatus("le mettre en paiement", MemoireStatus.MANDATE);
        paymentDate = date;
        paidAmount = amount.setScale(2);
        changeStatus(MemoireStatus.MIS_EN_PAIEMENT, null, now);
    }

    /** A refused mémoire given up, or a draft kept but never to be sent. */
    void abandon(Instant now) {
        requireStatus("l'abandonner", MemoireStatus.REFUSE, MemoireStatus.BROUILLON);
        changeStatus(MemoireStatus.ABANDONNE, null, now);
    }

    void markDuplicated(String draftNumber, Instant now) {
        requireStatus("le dupliquer", MemoireStatus.REFUSE);
        changeStatus(MemoireStatus.DUPLIQUE_POST_REFUS, "Dupliqué dans le brouillon " + draftNumber, now);
    }

    /** A new draft that takes over this sent mémoire's header; its lines and attachments are copied by the caller. */
    Memoire duplicate(String draftNumber, UUID createdBy, Instant now) {
        Memoire copy = draft(draftNumber, structureId, new Header(jurisdictionCode, serviceCode, bankAccountId,
                providerCategory, referenceText, vatType, providerInvoiceNumber), createdBy, now);
        copy.duplicateOf = mjNumber;
        return copy;
    }

    /** 409 when the mémoire's status does not allow the action. */
    void requireStatus(String action, MemoireStatus... allowed) {
        requireNotImported();
        if (!List.of(allowed).contains(status)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "STATUS_FORBIDS_ACTION", "Le mémoire " + number() + " est « "
                    + status.label() + " » : on ne peut pas " + action + " (possible seulement s'il est "
                    + List.of(allowed).stream().map(s -> "« " + s.label() + " »").collect(Collectors.joining(" ou "))
                    + ").").with("currentStatus", status.name());
        }
    }

    BigDecimal requestedAmount() {
        return lines.stream().map(MemoireLine::amountInclVat).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private void linesChanged(Instant now) {
        amountInclVat = requestedAmount();
        updatedAt = now;
    }

    private void changeStatus(MemoireStatus next, String reason, Instant now) {
        status = next;
        statusReason = reason;
        statusChangedAt = now;
        updatedAt = now;
    }

    void requireDraft() {
        requireNotImported();
        if (status != MemoireStatus.BROUILLON) {
            throw new DomainException(DomainException.Kind.CONFLICT, "MEMOIRE_NOT_EDITABLE",
                    "Ce mémoire n'est plus un brouillon : une fois envoyé, il ne peut plus être modifié.");
        }
    }

    /** 409 for every action on a mémoire imported from the former portal. */
    void requireNotImported() {
        if (importedAt != null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "IMPORTED_MEMOIRE_READ_ONLY", "Le mémoire " + number()
                    + " a été repris de l'ancien portail : il se consulte en lecture seule, aucune action n'y est possible.");
        }
    }

    MemoireLine line(UUID lineId) {
        return lines.stream().filter(l -> l.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "LINE_NOT_FOUND", "Cette ligne n'existe pas dans ce mémoire."));
    }

    private void setHeader(Header header, Instant now) {
        jurisdictionCode = header.jurisdictionCode();
        serviceCode = header.serviceCode();
        bankAccountId = header.bankAccountId();
        providerCategory = header.providerCategory();
        referenceText = header.referenceText();
        vatType = header.vatType();
        providerInvoiceNumber = header.providerInvoiceNumber();
        updatedAt = now;
    }

    public UUID id() { return id; }
    /** The MJ number once sent, the TMP number before. */
    public String number() { return mjNumber != null ? mjNumber : number; }
    String draftNumber() { return number; }
    String mjNumber() { return mjNumber; }
    Instant depositedAt() { return depositedAt; }
    String fingerprint() { return fingerprint; }
    boolean late() { return late; }
    public UUID structureId() { return structureId; }
    public MemoireStatus status() { return status; }
    String jurisdictionCode() { return jurisdictionCode; }
    String serviceCode() { return serviceCode; }
    UUID bankAccountId() { return bankAccountId; }
    ProviderCategory providerCategory() { return providerCategory; }
    String referenceText() { return referenceText; }
    VatType vatType() { return vatType; }
    String providerInvoiceNumber() { return providerInvoiceNumber; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
    List<MemoireLine> lines() { return List.copyOf(lines); }
    String certifyingOffice() { return certifyingOffice; }
    String courAppel() { return courAppel; }
    Track track() { return track; }
    ControlLevel controlLevel() { return controlLevel; }
    String statusReason() { return statusReason; }
    Instant statusChangedAt() { return statusChangedAt; }
    String complementRequest() { return complementRequest; }
    BigDecimal grantedAmount() { return grantedAmount; }
    Instant taxationNotifiedAt() { return taxationNotifiedAt; }
    BigDecimal paidAmount() { return paidAmount; }
    LocalDate paymentDate() { return paymentDate; }
    String duplicateOf() { return duplicateOf; }
    boolean imported() { return importedAt != null; }
    BigDecimal importedExclVat() { return importedExclVat; }
    BigDecimal importedVat() { return importedVat; }
    /** An imported mémoire's total TTC, kept in the column the workspace reads. */
    BigDecimal importedInclVat() { return amountInclVat; }
}
