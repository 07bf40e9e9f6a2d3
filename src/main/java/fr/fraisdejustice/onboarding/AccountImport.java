package fr.fraisdejustice.onboarding;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.fraisdejustice.account.Accounts;
import fr.fraisdejustice.bankaccount.ImportedBankDetails;
import fr.fraisdejustice.mandate.Mandates;
import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.structure.Structure;
import fr.fraisdejustice.structure.StructureIdentifiers;
import fr.fraisdejustice.structure.Structures;

/**
 * Migrated users of the former portal, from a CSV file ({@code ;}-separated, UTF-8, with a header line):
 * {@code loginEmail;lastName;firstName;identifierType;identifier;structureName;mandates} where {@code mandates} lists
 * the libellés of the mandates they had, separated by {@code |}; optionally followed by the structure's bank details
 * {@code bankAccountName;bankCode;branchCode;accountNumber;ribKey;iban;bic} (a RIB or an IBAN + BIC, checked as the portal
 * checks them, saved without their document). Each row is imported in a transaction of its own: the account (which gets
 * the activation process), its place in its structure, its mandates (revoked), its bank details. Running the same file
 * twice changes nothing; every refused row is reported with its line and reason, and nothing of it is saved.
 */
@Service
public class AccountImport {

    static final List<String> COLUMNS = List.of("loginEmail", "lastName", "firstName", "identifierType", "identifier",
            "structureName", "mandates");
    static final List<String> BANK_COLUMNS = List.of("bankAccountName", "bankCode", "branchCode", "accountNumber", "ribKey",
            "iban", "bic");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** What happened to each row. */
    public record Report(int rows, int imported, int unchanged, List<Refusal> refused, String summary) {

        Report(int rows, int imported, int unchanged, List<Refusal> refused) {
            this(rows, imported, unchanged, refused, ImportSummary.of(rows, imported, unchanged, refused.size()));
        }
    }

    public record Refusal(long line, String loginEmail, String reason) {
    }

    private final Accounts accounts;
    private final Structures structures;
    private final Mandates mandates;
    private final ImportedBankDetails bankDetails;
    private final TransactionTemplate transaction;

    AccountImport(Accounts accounts, Structures structures, Mandates mandates, ImportedBankDetails bankDetails,
                  PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.structures = structures;
        this.mandates = mandates;
        this.bankDetails = bankDetails;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Report run(Reader input) throws IOException {
        int rows = 0;
        int imported = 0;
        int unchanged = 0;
        List<Refusal> refused = new ArrayList<>();
        try (CSVParser parser = ImportFile.parse(input)) {
            Set<String> missing = ImportFile.missingColumns(parser.getHeaderNames(), COLUMNS);
            Set<String> missingBank = ImportFile.missingColumns(parser.getHeaderNames(), BANK_COLUMNS);
            if (missingBank.size() < BANK_COLUMNS.size()) {
                missing.addAll(missingBank);  // the bank details come whole or not at all
            }
            if (!missing.isEmpty()) {
                refused.add(new Refusal(1, "", "Colonnes manquantes dans l'en-tête : " + String.join(", ", missing)
                        + ". L'en-tête attendu est : " + String.join(";", COLUMNS) + " (suivi, pour les coordonnées "
                        + "bancaires, de " + String.join(";", BANK_COLUMNS) + ")."));
                return new Report(0, 0, 0, refused);
            }
            for (CSVRecord row : parser) {
                rows++;
                long line = parser.getCurrentLineNumber();
                String email = row.get("loginEmail");
                try {
                    String problem = problem(row, parser.getHeaderNames().size());
                    if (problem != null) {
                        refused.add(new Refusal(line, email, problem));
                    } else if (Boolean.TRUE.equals(transaction.execute(status -> importRow(row)))) {
                        imported++;
                    } else {
                        unchanged++;
                    }
                } catch (RuntimeException e) {
                    refused.add(new Refusal(line, email, "Ligne non importée : " + e.getMessage()));
                }
            }
        }
        return new Report(rows, imported, unchanged, refused);
    }

    /** Answers true when something was created. */
    private boolean importRow(CSVRecord row) {
        IdentifierType type = IdentifierType.valueOf(row.get("identifierType").toUpperCase(Locale.ROOT));
        String identifier = StructureIdentifiers.normalize(type, row.get("identifier"));
        String email = row.get("loginEmail");
        boolean created = false;
        UUID accountId = accounts.idOf(email).orElse(null);
        if (accountId == null) {
            accountId = accounts.open(new Accounts.Opening(email, null, row.get("lastName"), row.get("firstName"), true));
            created = true;
        }
        String name = row.get("structureName").isBlank() ? row.get("firstName") + " " + row.get("lastName").toUpperCase()
                : row.get("structureName");
        Structure structure = structures.importMember(accountId, type, identifier, name);
        for (String label : Arrays.stream(row.get("mandates").split("\\|")).map(String::trim).filter(l -> !l.isEmpty()).toList()) {
            created |= mandates.importRevoked(structure.id(), label);
        }
        Optional<ImportedBankDetails.Details> details = bankDetails(row);
        if (details.isPresent()) {
            created |= bankDetails.register(structure.id(), details.get());
        }
        return created;
    }

    private static Optional<ImportedBankDetails.Details> bankDetails(CSVRecord row) {
        if (!row.isMapped("iban")) {
            return Optional.empty();
        }
        return ImportedBankDetails.of(row.get("bankAccountName"), row.get("bankCode"), row.get("branchCode"),
                row.get("accountNumber"), row.get("ribKey"), row.get("iban"), row.get("bic"));
    }

    private static String problem(CSVRecord row, int columns) {
        if (!row.isConsistent()) {
            return "La ligne compte " + row.size() + " colonnes au lieu de " + columns + ".";
        }
        if (!EMAIL.matcher(row.get("loginEmail")).matches()) {
            return "Adresse de connexion invalide : « " + row.get("loginEmail") + " ».";
        }
        if (row.get("lastName").isBlank() || row.get("firstName").isBlank()) {
            return "Le nom et le prénom sont obligatoires.";
        }
        IdentifierType type;
        try {
            type = IdentifierType.valueOf(row.get("identifierType").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "Type d'identifiant inconnu : « " + row.get("identifierType") + " » (attendu : "
                    + Arrays.toString(IdentifierType.values()) + ").";
        }
        String identifier = StructureIdentifiers.normalize(type, row.get("identifier"));
        // a natural person's non-conforming identifier is kept (the structure is then read-only); any other is refused
        if (type != IdentifierType.PARTICULIER || identifier.isBlank()) {
            String problem = StructureIdentifiers.problem(type, identifier).orElse(null);
            if (problem != null) {
                return problem;
            }
        }
        return bankDetails(row).flatMap(ImportedBankDetails::problem).orElse(null);
    }
}
