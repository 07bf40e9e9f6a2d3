package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.bankaccount.BankAccounts;
import fr.fraisdejustice.jurisdiction.Jurisdictions;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FieldProblem;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.structure.Membership;
import fr.fraisdejustice.structure.Structures;

/**
 * Drafts of mémoires: created, changed and deleted by the structure's members with the « modification » profile, read
 * by every member, unknown (404) to anyone else. Every amount is computed here, never taken from the provider.
 */
@Service
@Transactional
public class MemoireDrafts {

    private static final Set<BigDecimal> VAT_RATES = Set.of(new BigDecimal("0"), new BigDecimal("5.5"),
            new BigDecimal("10"), new BigDecimal("20"));
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");
    /** Older dates are typing errors: no claim on the State lives that long. */
    static final int MAX_AGE_YEARS = 10;
    /** The amount columns are numeric(14, 2). */
    private static final BigDecimal MAX_TOTAL = new BigDecimal("1000000000000");

    private final MemoireRepository memoires;
    private final Structures structures;
    private final BankAccounts bankAccounts;
    private final Jurisdictions jurisdictions;
    private final Tariffs tariffs;
    private final MemoireHistory history;
    private final AccountDirectory accounts;
    private final Clock clock;

    MemoireDrafts(MemoireRepository memoires, Structures structures, BankAccounts bankAccounts,
                  Jurisdictions jurisdictions, Tariffs tariffs, MemoireHistory history, AccountDirectory accounts,
                  Clock clock) {
        this.history = history;
        this.accounts = accounts;
        this.memoires = memoires;
        this.structures = structures;
        this.bankAccounts = bankAccounts;
        this.jurisdictions = jurisdictions;
        this.tariffs = tariffs;
        this.clock = clock;
    }

    public MemoireView create(UUID structureId, Memoire.Header header, UUID accountId) {
        structures.requireProfile(structureId, accountId, Membership.MODIFICATION);
        Memoire.Header checked = checked(structureId, header);
        String number = "TMP" + Year.now(clock.withZone(FrenchDates.PARIS)) + String.format("%09d", memoires.nextDraftNumber());
        Memoire draft = memoires.save(Memoire.draft(number, structureId, checked, accountId, clock.instant()));
        history.record(draft, new Actor(accounts.contact(accountId).fullName(), accountId.toString()));
        return MemoireView.of(draft);
    }

    /** The view is built inside the transaction: the lines are read with the mémoire. */
    @Transactional(readOnly = true)
    MemoireView read(String number, UUID accountId) {
        Memoire memoire = find(number);
        structures.requireMember(memoire.structureId(), accountId);
        return MemoireView.of(memoire).withHistory(history.of(memoire));
    }

    MemoireView changeHeader(String number, Memoire.Header header, UUID accountId) {
        Memoire memoire = editable(number, accountId);
        memoire.changeHeader(checked(memoire.structureId(), header), clock.instant());
        return MemoireView.of(memoire);
    }

    void delete(String number, UUID accountId) {
        memoires.delete(editable(number, accountId));
    }

    public MemoireView.LineView addLine(String number, MemoireLine.Entry entry, UUID accountId) {
        Memoire memoire = editable(number, accountId);
        MemoireLine.Entry checked = checked(memoire, entry, null);
        return MemoireView.LineView.of(memoire.addLine(checked, tariffOf(checked), clock.instant()));
    }

    MemoireView.LineView changeLine(String number, UUID lineId, MemoireLine.Entry entry, UUID accountId) {
        Memoire memoire = editable(number, accountId);
        memoire.line(lineId);
        MemoireLine.Entry checked = checked(memoire, entry, lineId);
        return MemoireView.LineView.of(memoire.changeLine(lineId, checked, tariffOf(checked), clock.instant()));
    }

    void removeLine(String number, UUID lineId, UUID accountId) {
        editable(number, accountId).removeLine(lineId, clock.instant());
    }

    /** A draft the account may change; a sent mémoire is refused before its input is even looked at. */
    private Memoire editable(String number, UUID accountId) {
        Memoire memoire = find(number);
        structures.requireProfile(memoire.structureId(), accountId, Membership.MODIFICATION);
        memoire.requireDraft();
        return memoire;
    }

    private Memoire find(String number) {
        return memoires.findByNumber(MemoireNumbers.normalize(number))
                .orElseThrow(MemoireNumbers::notFound);
    }

    private Tariffs.Tariff tariffOf(MemoireLine.Entry entry) {
        return tariffs.of(entry.serviceType(),
                new Tariffs.Circumstances(entry.withOption(), entry.night(), entry.weekend(), entry.firstHour()));
    }

    private Memoire.Header checked(UUID structureId, Memoire.Header header) {
        List<FieldProblem> problems = new ArrayList<>();
        if (header.jurisdictionCode() == null || jurisdictions.find(header.jurisdictionCode()).isEmpty()) {
            problems.add(new FieldProblem("jurisdictionCode", "UNKNOWN",
                    "Choisissez la juridiction destinataire dans la liste (GET /api/jurisdictions)."));
        }
        if (!bankAccounts.isActiveOf(structureId, header.bankAccountId())) {
            problems.add(new FieldProblem("bankAccountId", "UNKNOWN",
                    "Choisissez l'une des coordonnées bancaires actives de votre structure."));
        }
        if (header.providerCategory() == null) {
            problems.add(new FieldProblem("providerCategory", "REQUIRED", "Choisissez la catégorie de prestataire."));
        }
        if (header.vatType() == null) {
            problems.add(new FieldProblem("vatType", "REQUIRED",
                    "Choisissez le type de TVA : sur les débits, sur les encaissements, ou exonération."));
        }
        if (header.providerInvoiceNumber() != null && header.providerInvoiceNumber().length() > 50) {
            problems.add(new FieldProblem("providerInvoiceNumber", "INVALID_LENGTH", "Votre numéro de facture compte au plus 50 caractères."));
        }
        if (header.referenceText() != null && header.referenceText().trim().length() > 20) {
            problems.add(new FieldProblem("referenceText", "INVALID_LENGTH",
                    "Le texte de référence compte au plus 20 caractères (par exemple R.122)."));
        }
        if (header.serviceCode() != null && header.serviceCode().length() > 100) {
            problems.add(new FieldProblem("serviceCode", "INVALID_LENGTH", "Le service compte au plus 100 caractères."));
        } else if (blankToNull(header.serviceCode()) != null
                && !structures.hasActiveService(structureId, header.serviceCode().trim())) {
            problems.add(new FieldProblem("serviceCode", "UNKNOWN_SERVICE", "Choisissez un des services ouverts de la "
                    + "structure (sa fiche les liste : « Mes structures »), ou aucun."));
        }
        refuse(problems);
        String referenceText = header.referenceText() == null || header.referenceText().isBlank()
                ? header.providerCategory().referenceText() : header.referenceText().trim();
        return new Memoire.Header(header.jurisdictionCode(), blankToNull(header.serviceCode()), header.bankAccountId(),
                header.providerCategory(), referenceText, header.vatType(), blankToNull(header.providerInvoiceNumber()));
    }

    /** The line as entered, checked field by field; {@code replacedLineId} is the line it replaces, if any. */
    private MemoireLine.Entry checked(Memoire memoire, MemoireLine.Entry line, UUID replacedLineId) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(FrenchDates.PARIS));
        required(problems, line.caseNumber(), "caseNumber", "Saisissez le n° d'affaire (50 caractères au plus).", 50);
        required(problems, line.requestingAuthority(), "requestingAuthority",
                "Indiquez l'autorité requérante (OPJ, procureur, juge d'instruction…).", 100);
        LocalDate earliest = today.minusYears(MAX_AGE_YEARS);
        if (line.requisitionDate() == null) {
            problems.add(new FieldProblem("requisitionDate", "REQUIRED", "Saisissez la date de la réquisition."));
        } else if (line.requisitionDate().isBefore(earliest)) {
            problems.add(new FieldProblem("requisitionDate", "TOO_OLD", "La réquisition date de plus de " + MAX_AGE_YEARS
                    + " ans : vérifiez l'année."));
        }
        if (line.serviceDate() == null) {
            problems.add(new FieldProblem("serviceDate", "REQUIRED", "Saisissez la date de la prestation."));
        } else if (line.serviceDate().isBefore(earliest)) {
            problems.add(new FieldProblem("serviceDate", "TOO_OLD", "La prestation date de plus de " + MAX_AGE_YEARS
                    + " ans, au-delà de toute créance encore payable (prescription de quatre ans) : vérifiez l'année."));
        } else if (line.serviceDate().isAfter(today)) {
            problems.add(new FieldProblem("serviceDate", "IN_THE_FUTURE", "La prestation ne peut pas être datée d'après aujourd'hui."));
        } else if (line.requisitionDate() != null && line.requisitionDate().isAfter(line.serviceDate())) {
            problems.add(new FieldProblem("requisitionDate", "AFTER_SERVICE",
                    "La réquisition précède la prestation : vérifiez les deux dates."));
        }
        if (line.serviceType() == null || line.serviceType().category() != memoire.providerCategory()) {
            problems.add(new FieldProblem("serviceType", "INVALID_VALUE",
                    "Choisissez un type de prestation de votre catégorie (GET /api/reference/service-types?category=…)."));
        }
        if (line.quantity() == null || line.quantity().signum() <= 0 || line.quantity().scale() > 3
                || line.quantity().compareTo(MAX_AMOUNT) >= 0) {
            problems.add(new FieldProblem("quantity", "INVALID_VALUE",
                    "La quantité est positive, inférieure à 1 000 000, avec au plus 3 décimales."));
        }
        money(problems, line.unitPriceExclVat(), "unitPriceExclVat", "Le tarif HT", true);
        money(problems, line.sundryCosts(), "sundryCosts", "Les frais divers", false);
        money(problems, line.disbursements(), "disbursements", "Les débours", false);
        if (line.vatRate() == null || VAT_RATES.stream().noneMatch(r -> r.compareTo(line.vatRate()) == 0)) {
            problems.add(new FieldProblem("vatRate", "INVALID_VALUE", "Le taux de TVA est 0, 5,5, 10 ou 20 %."));
        } else if (memoire.vatType() == VatType.EXONERATION && line.vatRate().signum() != 0) {
            problems.add(new FieldProblem("vatRate", "EXEMPT", "Ce mémoire est exonéré de TVA : le taux est 0 %."));
        }
        if (line.sundryCosts() != null && line.sundryCosts().signum() > 0
                && (line.sundryCostsDetail() == null || line.sundryCostsDetail().isBlank())) {
            problems.add(new FieldProblem("sundryCostsDetail", "REQUIRED", "Détaillez les frais divers."));
        } else if (line.sundryCostsDetail() != null && line.sundryCostsDetail().trim().length() > 500) {
            problems.add(new FieldProblem("sundryCostsDetail", "INVALID_LENGTH",
                    "Le détail des frais divers compte au plus 500 caractères."));
        }
        if (problems.isEmpty()) {
            fitsTheColumns(memoire, line, replacedLineId, problems);
        }
        refuse(problems);
        return new MemoireLine.Entry(line.caseNumber(), line.requisitionDate(), line.requestingAuthority(),
                line.serviceType(), line.serviceDate(), line.quantity(), line.unitPriceExclVat(),
                line.vatRate().stripTrailingZeros(), orZero(line.sundryCosts()), blankToNull(line.sundryCostsDetail()),
                orZero(line.disbursements()), line.withOption(), line.night(), line.weekend(), line.firstHour());
    }

    /**
     * Each field is bounded, but their product and the mémoire's total are stored too (numeric(14, 2)): the line's TTC
     * and the mémoire's total TTC stay below {@link #MAX_TOTAL}.
     */
    private static void fitsTheColumns(Memoire memoire, MemoireLine.Entry line, UUID replacedLineId,
                                       List<FieldProblem> problems) {
        BigDecimal lineTotal = LineAmounts.of(line.quantity(), line.unitPriceExclVat(), line.vatRate(),
                orZero(line.sundryCosts()), orZero(line.disbursements())).inclVat();
        BigDecimal others = memoire.lines().stream().filter(l -> !l.id().equals(replacedLineId))
                .map(MemoireLine::amountInclVat).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (lineTotal.compareTo(MAX_TOTAL) >= 0 || others.add(lineTotal).compareTo(MAX_TOTAL) >= 0) {
            String detail = "Le montant TTC de la ligne ou du mémoire dépasserait 999 999 999 999,99 € : "
                    + "vérifiez la quantité et le tarif.";
            problems.add(new FieldProblem("quantity", "TOTAL_TOO_LARGE", detail));
            problems.add(new FieldProblem("unitPriceExclVat", "TOTAL_TOO_LARGE", detail));
        }
    }

    private static void required(List<FieldProblem> problems, String value, String field, String detail, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            problems.add(new FieldProblem(field, "REQUIRED", detail));
        }
    }

    private static void money(List<FieldProblem> problems, BigDecimal value, String field, String what, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(new FieldProblem(field, "REQUIRED", what + " est obligatoire."));
            }
        } else if (value.signum() < 0 || value.scale() > 2 || value.compareTo(MAX_AMOUNT) >= 0) {
            problems.add(new FieldProblem(field, "INVALID_VALUE",
                    what + " est un montant positif en euros, au centime près, inférieur à 1 000 000 €."));
        }
    }

    private static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "VALIDATION_FAILED",
                    "Certains champs sont invalides : corrigez-les puis renvoyez la demande.", problems);
        }
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
