package fr.fraisdejustice.memoire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import fr.fraisdejustice.structure.ProviderCategory;
import fr.fraisdejustice.web.ApiException;
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
    record Header(String jurisdictionCode, String serviceCode, UUID bankAccountId, ProviderCategory providerCategory,
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
        updatedAt = now;
        return line;
    }

    MemoireLine changeLine(UUID lineId, MemoireLine.Entry entry, Tariffs.Tariff tariff, Instant now) {
        requireDraft();
        MemoireLine line = line(lineId);
        line.enter(entry, tariff);
        updatedAt = now;
        return line;
    }

    void removeLine(UUID lineId, Instant now) {
        requireDraft();
        lines.remove(line(lineId));
        updatedAt = now;
    }

    /** Sending: the definitive number, the deposit date and the certificate's fingerprint; no change after this. */
    void deposit(String mjNumber, Instant now, String fingerprint, boolean late) {
        requireDraft();
        this.mjNumber = mjNumber;
        this.depositedAt = now;
        this.fingerprint = fingerprint;
        this.late = late;
        this.status = MemoireStatus.DEPOSE;
        this.updatedAt = now;
    }

    void requireDraft() {
        if (status != MemoireStatus.BROUILLON) {
            throw new ApiException(HttpStatus.CONFLICT, "MEMOIRE_NOT_EDITABLE",
                    "Ce mémoire n'est plus un brouillon : une fois envoyé, il ne peut plus être modifié.");
        }
    }

    MemoireLine line(UUID lineId) {
        return lines.stream().filter(l -> l.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "LINE_NOT_FOUND", "Cette ligne n'existe pas dans ce mémoire."));
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
}
