package fr.fraisdejustice.bankaccount;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.shared.FieldProblem;
import jakarta.persistence.EntityManager;

/**
 * Bank details of a migrated structure, from the former portal: checked by the portal's own rules ({@link BankDetails}),
 * saved active without their RIB/IBAN document (which may follow), so they count for prerequisite 01 at once.
 */
@Service
@Transactional
public class ImportedBankDetails {

    static final String DEFAULT_NAME = "Coordonnées reprises de l'ancien portail";

    /** RIB (bank, branch, account, key) or IBAN (+ BIC): the other four stay empty. */
    public record Details(String name, String bankCode, String branchCode, String accountNumber, String ribKey,
                         String iban, String bic) {

        boolean isIban() {
            return iban != null && !iban.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final Clock clock;

    ImportedBankDetails(JdbcTemplate jdbc, EntityManager entityManager, Clock clock) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The details as the portal stores them (spaces removed, upper case), or empty when the row carries none. */
    public static Optional<Details> of(String name, String bankCode, String branchCode, String accountNumber,
                                       String ribKey, String iban, String bic) {
        Details details = new Details(name == null || name.isBlank() ? DEFAULT_NAME : name.trim(),
                blankToNull(bankCode), blankToNull(branchCode), blankToNull(accountNumber), blankToNull(ribKey),
                blankToNull(iban), blankToNull(bic));
        boolean none = details.bankCode() == null && details.branchCode() == null && details.accountNumber() == null
                && details.ribKey() == null && details.iban() == null && details.bic() == null;
        return none ? Optional.empty() : Optional.of(details);
    }

    /** Why the portal would refuse these details, in French, or empty when it would take them. */
    public static Optional<String> problem(Details details) {
        List<FieldProblem> problems = new ArrayList<>();
        if (details.name().length() > 100) {
            problems.add(new FieldProblem("bankAccountName", "INVALID_LENGTH", "Le libellé des coordonnées compte 100 caractères au plus."));
        }
        boolean ribGiven = details.bankCode() != null || details.branchCode() != null || details.accountNumber() != null
                || details.ribKey() != null;
        if (details.isIban() && ribGiven) {
            problems.add(new FieldProblem("iban", "RIB_AND_IBAN",
                    "Donnez soit le RIB (banque, guichet, compte, clé), soit l'IBAN et le BIC, pas les deux."));
        } else {
            problems.addAll(details.isIban() || details.bic() != null ? BankDetails.ibanProblems(details.iban(), details.bic())
                    : BankDetails.ribProblems(details.bankCode(), details.branchCode(), details.accountNumber(), details.ribKey()));
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of("Coordonnées bancaires refusées : " + problems.stream().map(FieldProblem::detail)
                        .collect(Collectors.joining(" ")));
    }

    /**
     * Saves the details for the structure unless it already has them (active or not: a run after the gestionnaire
     * deactivated them does not bring them back). Answers true when they were saved.
     */
    public boolean register(UUID structureId, Details details) {
        problem(details).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        entityManager.flush();  // the structure may have been created in this transaction, through JPA
        boolean known = details.isIban()
                ? count("select count(*) from bank_account where structure_id = ? and type = 'IBAN' and iban = ? and bic = ?",
                        structureId, details.iban(), details.bic()) > 0
                : count("select count(*) from bank_account where structure_id = ? and type = 'RIB' and bank_code = ? "
                        + "and branch_code = ? and account_number = ? and rib_key = ?", structureId, details.bankCode(),
                        details.branchCode(), details.accountNumber(), details.ribKey()) > 0;
        if (known) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into bank_account (id, structure_id, name, type, bank_code, branch_code, account_number, rib_key, "
                        + "iban, bic, active, created_at, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?)",
                UUID.randomUUID(), structureId, details.name(), details.isIban() ? "IBAN" : "RIB", details.bankCode(),
                details.branchCode(), details.accountNumber(), details.ribKey(), details.iban(), details.bic(), now, now);
        return true;
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static String blankToNull(String value) {
        String compact = BankDetails.compact(value);
        return compact == null || compact.isEmpty() ? null : compact;
    }
}
