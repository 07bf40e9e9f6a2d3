package fr.fraisdejustice.onboarding;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.fraisdejustice.account.Accounts;
import fr.fraisdejustice.mandate.Mandates;
import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.structure.Structure;
import fr.fraisdejustice.structure.StructureIdentifiers;
import fr.fraisdejustice.structure.Structures;

/**
 * Migrated users of the former portal, from a CSV file ({@code ;}-separated, UTF-8, with a header line):
 * {@code loginEmail;lastName;firstName;identifierType;identifier;structureName;mandates} where {@code mandates} lists
 * the libellés of the mandates they had, separated by {@code |}. Each row is imported in a transaction of its own:
 * the account (which gets the activation process), its place in its structure, its mandates (revoked). Running the
 * same file twice changes nothing; every refused row is reported with its line and reason.
 */
@Service
public class AccountImport {

    static final List<String> COLUMNS = List.of("loginEmail", "lastName", "firstName", "identifierType", "identifier",
            "structureName", "mandates");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** What happened to each row. */
    public record Report(int rows, int imported, int unchanged, List<Refusal> refused) {
    }

    public record Refusal(long line, String loginEmail, String reason) {
    }

    private final Accounts accounts;
    private final Structures structures;
    private final Mandates mandates;
    private final TransactionTemplate transaction;

    AccountImport(Accounts accounts, Structures structures, Mandates mandates, PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.structures = structures;
        this.mandates = mandates;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Report run(Reader input) throws IOException {
        Reader csv = withoutByteOrderMark(input);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .setTrim(true).setIgnoreEmptyLines(true).get();
        int rows = 0;
        int imported = 0;
        int unchanged = 0;
        List<Refusal> refused = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            Set<String> missing = missingColumns(parser.getHeaderNames());
            if (!missing.isEmpty()) {
                refused.add(new Refusal(1, "", "Colonnes manquantes dans l'en-tête : " + String.join(", ", missing)
                        + ". L'en-tête attendu est : " + String.join(";", COLUMNS) + "."));
                return new Report(0, 0, 0, refused);
            }
            for (CSVRecord row : parser) {
                rows++;
                long line = parser.getCurrentLineNumber();
                String email = row.get("loginEmail");
                try {
                    String problem = problem(row);
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
        return created;
    }

    private static String problem(CSVRecord row) {
        if (!row.isConsistent()) {
            return "La ligne compte " + row.size() + " colonnes au lieu de " + COLUMNS.size() + ".";
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
        return null;
    }

    /** Spreadsheets save UTF-8 CSV with a byte order mark, which would otherwise stick to the first column's name. */
    private static Reader withoutByteOrderMark(Reader input) throws IOException {
        PushbackReader reader = new PushbackReader(input, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static Set<String> missingColumns(List<String> header) {
        Set<String> missing = new LinkedHashSet<>(COLUMNS);
        header.forEach(missing::remove);
        return missing;
    }
}
