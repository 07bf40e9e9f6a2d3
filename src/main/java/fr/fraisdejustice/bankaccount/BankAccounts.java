package fr.fraisdejustice.bankaccount;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.shared.DomainException;

/** The public face of the bank-account feature. */
@Service
@Transactional
public class BankAccounts {

    private final BankAccountRepository repository;
    private final Clock clock;

    BankAccounts(BankAccountRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean hasValid(UUID structureId) {
        return repository.existsByStructureIdAndActiveTrue(structureId);
    }

    /** Whether this is one of the structure's active bank accounts. */
    @Transactional(readOnly = true)
    public boolean isActiveOf(UUID structureId, UUID bankAccountId) {
        // a query that does not load the account's document (up to 4 MB) just to answer yes or no
        return bankAccountId != null && repository.existsByIdAndStructureIdAndActiveTrue(bankAccountId, structureId);
    }

    /** The RIB/IBAN document of a bank account: its file name, media type and bytes. */
    public record Proof(String name, String mediaType, byte[] content) {
    }

    @Transactional(readOnly = true)
    public Proof proof(UUID bankAccountId) {
        BankAccount account = repository.findById(bankAccountId).orElseThrow();
        return new Proof(account.documentName(), account.documentType(), account.documentContent());
    }

    /** The document of one of the structure's bank accounts; another structure's is unknown here. */
    @Transactional(readOnly = true)
    Proof proofOf(UUID structureId, UUID bankAccountId) {
        BankAccount account = repository.findById(bankAccountId).filter(a -> a.structureId().equals(structureId))
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "BANK_ACCOUNT_NOT_FOUND",
                        "Ces coordonnées bancaires n'existent pas pour cette structure."));
        return new Proof(account.documentName(), account.documentType(), account.documentContent());
    }

    @Transactional(readOnly = true)
    List<BankAccount> of(UUID structureId) {
        return repository.findByStructureIdOrderByCreatedAtDesc(structureId);
    }

    BankAccount add(BankAccount account) {
        return repository.save(account);
    }

    void deactivate(UUID structureId, UUID bankAccountId) {
        BankAccount account = repository.findById(bankAccountId).filter(a -> a.structureId().equals(structureId))
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "BANK_ACCOUNT_NOT_FOUND",
                        "Ces coordonnées bancaires n'existent pas pour cette structure."));
        account.deactivate(clock.instant());
    }
}
