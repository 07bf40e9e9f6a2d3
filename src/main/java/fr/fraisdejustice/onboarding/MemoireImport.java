package fr.fraisdejustice.onboarding;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.fraisdejustice.jurisdiction.Jurisdiction;
import fr.fraisdejustice.jurisdiction.Jurisdictions;
import fr.fraisdejustice.memoire.ImportedMemoires;
import fr.fraisdejustice.memoire.MemoireNumbers;
import fr.fraisdejustice.memoire.MemoireStatus;
import fr.fraisdejustice.memoire.VatType;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.SecureTokens;
import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.structure.ProviderCategory;
import fr.fraisdejustice.structure.Structure;
import fr.fraisdejustice.structure.StructureIdentifiers;
import fr.fraisdejustice.structure.Structures;

/**
 * The past mémoires of migrated structures, from the second migration file (format in the README, columns below): read
 * row by row as the file streams in, checked, and saved by batches of {@value #BATCH} in a transaction each. A row is
 * imported whole or refused whole, with its line and reason; a second run of the same file changes nothing.
 */
@Service
public class MemoireImport {

    static final List<String> COLUMNS = List.of("formerNumber", "identifierType", "identifier", "jurisdictionCode",
            "providerCategory", "vatType", "invoiceNumber", "status", "depositDate", "statusDate", "statusReason",
            "amountExclVat", "vatAmount", "amountInclVat", "paidAmount", "paymentDate");
    static final int BATCH = 500;

    public record Refusal(long line, String formerNumber, String reason) {
    }

    /** What happened to each row, and a sentence that says it. */
    public record Report(int rows, int imported, int unchanged, List<Refusal> refused, String summary) {
    }

    private final ImportedMemoires importedMemoires;
    private final Structures structures;
    private final Jurisdictions jurisdictions;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MemoireImport(ImportedMemoires importedMemoires, Structures structures, Jurisdictions jurisdictions,
                  PlatformTransactionManager transactions, Clock clock) {
        this.importedMemoires = importedMemoires;
        this.structures = structures;
        this.jurisdictions = jurisdictions;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public Report run(Reader input) throws IOException {
        Tally tally = new Tally();
        try (CSVParser parser = ImportFile.parse(input)) {
            Set<String> missing = ImportFile.missingColumns(parser.getHeaderNames(), COLUMNS);
            if (!missing.isEmpty()) {
                tally.refused.add(new Refusal(1, "", "Colonnes manquantes dans l'en-tête : " + String.join(", ", missing)
                        + ". L'en-tête attendu est : " + String.join(";", COLUMNS) + "."));
                return tally.report();
            }
            RowReader reader = new RowReader(jurisdictions.all().stream().map(Jurisdiction::code).collect(Collectors.toSet()),
                    LocalDate.now(clock.withZone(FrenchDates.PARIS)));
            List<ImportedMemoires.Past> batch = new ArrayList<>(BATCH);
            for (CSVRecord row : parser) {
                tally.rows++;
                long line = parser.getCurrentLineNumber();
                try {
                    batch.add(reader.read(row, line));
                } catch (ImportFile.Refused e) {
                    tally.refused.add(new Refusal(line, row.size() > 0 ? row.get(0) : "", e.getMessage()));
                }
                if (batch.size() == BATCH) {
                    save(batch, tally);
                    batch.clear();
                }
            }
            save(batch, tally);
        }
        tally.refused.sort((a, b) -> Long.compare(a.line(), b.line()));
        return tally.report();
    }

    /** One transaction per batch; should the database refuse it, each row again alone, to name the one at fault. */
    private void save(List<ImportedMemoires.Past> batch, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            tally.count(transaction.execute(status -> importedMemoires.save(batch)));
        } catch (DataAccessException e) {
            for (ImportedMemoires.Past past : batch) {
                try {
                    tally.count(transaction.execute(status -> importedMemoires.save(List.of(past))));
                } catch (DataAccessException alone) {
                    tally.refused.add(new Refusal(past.line(), past.number(),
                            "Ligne non importée, refusée par la base de données : " + alone.getMostSpecificCause().getMessage()));
                }
            }
        }
    }

    private static final class Tally {
        int rows;
        int imported;
        int unchanged;
        final List<Refusal> refused = new ArrayList<>();

        void count(List<ImportedMemoires.Outcome> outcomes) {
            for (ImportedMemoires.Outcome outcome : outcomes) {
                switch (outcome.result()) {
                    case IMPORTED -> imported++;
                    case UNCHANGED -> unchanged++;
                    case REFUSED -> refused.add(new Refusal(outcome.line(), outcome.number(), outcome.reason()));
                }
            }
        }

        Report report() {
            return new Report(rows, imported, unchanged, List.copyOf(refused), ImportSummary.of(rows, imported, unchanged,
                    refused.size()));
        }
    }

    /** Checks one row and turns it into a past mémoire; the structures are looked up once each. */
    private final class RowReader {

        private final Set<String> jurisdictionCodes;
        private final LocalDate today;
        private final Map<String, Optional<UUID>> structureIds = new HashMap<>();

        RowReader(Set<String> jurisdictionCodes, LocalDate today) {
            this.jurisdictionCodes = jurisdictionCodes;
            this.today = today;
        }

        ImportedMemoires.Past read(CSVRecord row, long line) {
            if (!row.isConsistent()) {
                throw new ImportFile.Refused("La ligne compte " + row.size() + " colonnes au lieu de " + COLUMNS.size() + ".");
            }
            String number = MemoireNumbers.normalize(row.get("formerNumber"));
            if (!MemoireNumbers.isDefinitive(number) || Long.parseLong(number.substring(2)) == 0) {
                throw new ImportFile.Refused("Numéro de mémoire invalide : « " + row.get("formerNumber")
                        + " » (attendu MJ suivi de 10 chiffres, par exemple MJ0000002117).");
            }
            UUID structureId = structure(row.get("identifierType"), row.get("identifier"));
            String jurisdiction = row.get("jurisdictionCode").toUpperCase();
            if (!jurisdictionCodes.contains(jurisdiction)) {
                throw new ImportFile.Refused("Juridiction inconnue : « " + row.get("jurisdictionCode")
                        + " » (un code du référentiel des juridictions, par exemple TJ75101).");
            }
            ProviderCategory category = choice(row.get("providerCategory"), ProviderCategory.values(), ProviderCategory::label,
                    "Catégorie de prestataire inconnue");
            VatType vatType = choice(row.get("vatType"), VatType.values(), VatType::name, "Type de TVA inconnu");
            MemoireStatus status = choice(row.get("status"), MemoireStatus.values(), MemoireStatus::label, "Statut inconnu");
            if (!ImportedMemoires.FINAL.contains(status)) {
                throw new ImportFile.Refused("Statut « " + status.label() + " » non repris : seuls les mémoires arrivés à "
                        + "leur fin (" + ImportedMemoires.FINAL.stream().map(s -> "« " + s.label() + " »")
                        .collect(Collectors.joining(", ")) + ") sont importés ; un mémoire en cours s'achève dans l'ancien portail.");
            }
            String invoice = optionalText(row.get("invoiceNumber"), 50, "Le n° de facture");
            String reason = optionalText(row.get("statusReason"), 2000, "Le motif");
            if (status == MemoireStatus.REFUSE && reason == null) {
                throw new ImportFile.Refused("Un mémoire refusé porte le motif de son refus : remplissez la colonne statusReason.");
            }
            LocalDate deposit = required(ImportFile.date(row.get("depositDate"), "depositDate"), "depositDate", "La date de dépôt");
            LocalDate statusDate = required(ImportFile.date(row.get("statusDate"), "statusDate"), "statusDate", "La date du statut");
            if (deposit.isAfter(today) || statusDate.isAfter(today)) {
                throw new ImportFile.Refused("Les dates de dépôt et de statut ne peuvent pas être postérieures à aujourd'hui.");
            }
            if (statusDate.isBefore(deposit)) {
                throw new ImportFile.Refused("La date du statut (" + FrenchDates.date(statusDate)
                        + ") précède la date de dépôt (" + FrenchDates.date(deposit) + ").");
            }
            BigDecimal exclVat = required(ImportFile.amount(row.get("amountExclVat"), "amountExclVat"), "amountExclVat", "Le montant HT");
            BigDecimal vat = required(ImportFile.amount(row.get("vatAmount"), "vatAmount"), "vatAmount", "Le montant de TVA");
            BigDecimal inclVat = required(ImportFile.amount(row.get("amountInclVat"), "amountInclVat"), "amountInclVat", "Le montant TTC");
            if (inclVat.compareTo(exclVat.add(vat)) < 0) {
                throw new ImportFile.Refused("Le montant TTC (" + FrenchDates.euros(inclVat) + ") est inférieur à la somme du "
                        + "HT et de la TVA (" + FrenchDates.euros(exclVat.add(vat)) + ").");
            }
            if (vatType == VatType.EXONERATION && vat.signum() != 0) {
                throw new ImportFile.Refused("Un mémoire exonéré de TVA (EXONERATION) a un montant de TVA nul.");
            }
            BigDecimal paid = ImportFile.amount(row.get("paidAmount"), "paidAmount");
            LocalDate paymentDate = ImportFile.date(row.get("paymentDate"), "paymentDate");
            if (status == MemoireStatus.MIS_EN_PAIEMENT) {
                required(paid, "paidAmount", "Le montant payé d'un mémoire mis en paiement");
                required(paymentDate, "paymentDate", "La date de paiement d'un mémoire mis en paiement");
                if (paymentDate.isBefore(deposit) || paymentDate.isAfter(today)) {
                    throw new ImportFile.Refused("La date de paiement (" + FrenchDates.date(paymentDate)
                            + ") se situe entre le dépôt et aujourd'hui.");
                }
            } else if (paid != null || paymentDate != null) {
                throw new ImportFile.Refused("Seul un mémoire mis en paiement a un montant payé et une date de paiement : "
                        + "videz les colonnes paidAmount et paymentDate.");
            }
            String fingerprint = SecureTokens.sha256(String.join("\u001F", number, structureId.toString(), jurisdiction,
                    category.name(), vatType.name(), String.valueOf(invoice), status.name(), deposit.toString(),
                    statusDate.toString(), String.valueOf(reason), exclVat.toPlainString(), vat.toPlainString(),
                    inclVat.toPlainString(), String.valueOf(paid), String.valueOf(paymentDate)).getBytes(StandardCharsets.UTF_8));
            return new ImportedMemoires.Past(line, number, structureId, jurisdiction, category, vatType, invoice, status,
                    deposit, statusDate, reason, exclVat, vat, inclVat, paid, paymentDate, fingerprint);
        }

        private UUID structure(String typeValue, String identifierValue) {
            IdentifierType type;
            try {
                type = IdentifierType.valueOf(typeValue.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new ImportFile.Refused("Type d'identifiant inconnu : « " + typeValue + " » (attendu : "
                        + Arrays.toString(IdentifierType.values()) + ").");
            }
            String identifier = StructureIdentifiers.normalize(type, identifierValue);
            return structureIds.computeIfAbsent(type + ":" + identifier, key -> structures.find(type, identifier).map(Structure::id))
                    .orElseThrow(() -> new ImportFile.Refused("Aucune structure " + type + " « " + identifier
                            + " » : importez d'abord le fichier des comptes, qui crée les structures."));
        }
    }

    /** A code (MIS_EN_PAIEMENT) or its French label (« Mis en paiement »), accents and case aside. */
    private static <E extends Enum<E>> E choice(String value, E[] values, Function<E, String> label, String what) {
        String code = ImportFile.code(value);
        return Arrays.stream(values).filter(v -> v.name().equals(code) || ImportFile.code(label.apply(v)).equals(code))
                .findFirst().orElseThrow(() -> new ImportFile.Refused(what + " : « " + value + " » (attendu : "
                        + Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", ")) + ")."));
    }

    private static <T> T required(T value, String column, String what) {
        if (value == null) {
            throw new ImportFile.Refused(what + " est obligatoire (colonne " + column + ").");
        }
        return value;
    }

    private static String optionalText(String value, int max, String what) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            throw new ImportFile.Refused(what + " compte " + max + " caractères au plus.");
        }
        return value;
    }
}
