package fr.fraisdejustice.bankaccount;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A structure's bank details, RIB or IBAN + BIC, with the RIB/IBAN document that proves them. */
@Entity
@Table(name = "bank_account")
public class BankAccount {

    @Id
    private UUID id;

    @Column(name = "structure_id")
    private UUID structureId;

    private String name;

    private String type;

    @Column(name = "bank_code")
    private String bankCode;

    @Column(name = "branch_code")
    private String branchCode;

    @Column(name = "account_number")
    private String accountNumber;

    @Column(name = "rib_key")
    private String ribKey;

    private String iban;

    private String bic;

    @Column(name = "document_name")
    private String documentName;

    @Column(name = "document_type")
    private String documentType;

    @Basic(fetch = FetchType.LAZY)
    private byte[] document;

    private boolean active;

    @Column(name = "factor_name")
    private String factorName;

    @Column(name = "factor_identifier")
    private String factorIdentifier;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    protected BankAccount() {
    }

    static BankAccount rib(UUID structureId, String name, String bankCode, String branchCode, String accountNumber,
                           String ribKey, Document document, Instant now) {
        BankAccount account = new BankAccount(structureId, name, "RIB", document, now);
        account.bankCode = bankCode;
        account.branchCode = branchCode;
        account.accountNumber = accountNumber;
        account.ribKey = ribKey;
        return account;
    }

    static BankAccount iban(UUID structureId, String name, String iban, String bic, Document document, Instant now) {
        BankAccount account = new BankAccount(structureId, name, "IBAN", document, now);
        account.iban = iban;
        account.bic = bic;
        return account;
    }

    private BankAccount(UUID structureId, String name, String type, Document document, Instant now) {
        this.id = UUID.randomUUID();
        this.structureId = structureId;
        this.name = name;
        this.type = type;
        this.documentName = document.name();
        this.documentType = document.type();
        this.document = document.content();
        this.active = true;
        this.createdAt = now;
    }

    record Document(String name, String type, byte[] content) {
    }

    /** The affactureur: the factoring company paid in the structure's stead. */
    record Factor(String name, String identifier) {
    }

    BankAccount factoredBy(Factor factor) {
        if (factor != null) {
            this.factorName = factor.name();
            this.factorIdentifier = factor.identifier();
        }
        return this;
    }

    String factorName() {
        return factorName;
    }

    String factorIdentifier() {
        return factorIdentifier;
    }

    /** « FR76 •••• •••• 0189 », for a RIB as for an IBAN. */
    String maskedIban() {
        return BankDetails.masked("RIB".equals(type) ? BankDetails.ibanOfRib(bankCode, branchCode, accountNumber, ribKey) : iban);
    }

    Instant deactivatedAt() {
        return deactivatedAt;
    }

    void deactivate(Instant now) {
        if (active) {
            active = false;
            deactivatedAt = now;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID structureId() {
        return structureId;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public boolean active() {
        return active;
    }

    String bankCode() {
        return bankCode;
    }

    String branchCode() {
        return branchCode;
    }

    String accountNumber() {
        return accountNumber;
    }

    String ribKey() {
        return ribKey;
    }

    String iban() {
        return iban;
    }

    String bic() {
        return bic;
    }

    String documentName() {
        return documentName;
    }

    String documentType() {
        return documentType;
    }

    byte[] documentContent() {
        return document;
    }

    Instant createdAt() {
        return createdAt;
    }
}
