package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.jurisdiction.Jurisdiction;
import fr.fraisdejustice.jurisdiction.Jurisdictions;
import fr.fraisdejustice.shared.FormText;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.structure.Structure;
import fr.fraisdejustice.structure.Structures;

/**
 * The mémoire as the staff's Tasklist forms show it: every value already worded in French (labels, never codes;
 * amounts « 1 234,56 € »; dates JJ/MM/AAAA in the time of Paris), and whatever someone typed escaped by
 * {@link FormText}, because the forms' text components render markdown and HTML.
 */
@Service
@Transactional(readOnly = true)
class MemoireTaskData {

    /** The variables a Tasklist card shows (StaffDirectory's filters): short plain strings, never entities. */
    static final String CARD_NUMBER = "memoireNumber";
    static final String CARD_PROVIDER = "providerName";
    static final String CARD_AMOUNT = "amountInclVatLabel";
    static final String CARD_DEPOSIT = "depositDateLabel";
    static final String CARD_CONTROL = "controlLevelLabel";

    record TaskMemoire(String number, String depositedAt, String structure, String jurisdiction, String office,
                       String courAppel, String track, String controlLevel, String late, String aboveTariff,
                       String repeatedLines,
                       String exclVat, String vat, String requested, String granted, String orderedAt,
                       String complementRequest, String providerComplement, List<Line> lines,
                       List<Document> attachments, List<Step> history) {
    }

    /** One row of the history: {@code at} rather than {@code date}, a FEEL function name in the forms' templates. */
    record Step(String at, String status, String actor, String reason) {
    }

    /** A line: the compact row (n°, type, date, quantity, price, TTC, gap to the tariff), then its whole detail. */
    record Line(int line, String serviceType, String unit, String serviceDate, String quantity, String unitPrice,
                String inclVat, String tariffGap, String caseNumber, String requisitionDate, String requestingAuthority,
                String exclVat, String vatRate, String sundryCosts, String sundryCostsDetail, String disbursements,
                String tariff, String correction) {
    }

    record Document(String name, String kind, String line, String url) {
    }

    /** What the comptable's form starts with: the ordered amount, paid today. */
    record PaymentDefaults(Double paidAmount, String paymentDate) {
    }

    private final MemoireRepository memoires;
    private final MemoireAttachmentRepository attachments;
    private final MemoireStatusChangeRepository changes;
    private final Structures structures;
    private final Jurisdictions jurisdictions;
    private final RepeatedLines repeatedLines;
    private final Clock clock;

    MemoireTaskData(MemoireRepository memoires, MemoireAttachmentRepository attachments,
                    MemoireStatusChangeRepository changes, Structures structures, Jurisdictions jurisdictions,
                    RepeatedLines repeatedLines, Clock clock) {
        this.repeatedLines = repeatedLines;
        this.memoires = memoires;
        this.attachments = attachments;
        this.changes = changes;
        this.structures = structures;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    /** What a task of the mémoire gets: its form data and its Tasklist card, from one reading of the mémoire. */
    record ForTask(TaskMemoire form, Map<String, String> card) {
    }

    ForTask forTask(String mjNumber) {
        Memoire m = memoire(mjNumber);
        Structure structure = structures.byId(m.structureId());
        return new ForTask(of(m, structure), card(m, structure));
    }

    TaskMemoire of(String mjNumber) {
        Memoire m = memoire(mjNumber);
        return of(m, structures.byId(m.structureId()));
    }

    private TaskMemoire of(Memoire m, Structure structure) {
        // the destination and the certifying office are most often the same court: named once
        Map<String, String> names = new HashMap<>();
        Function<String, String> name = code -> code == null ? "" : names.computeIfAbsent(code, this::name);
        MemoireView.Amounts amounts = MemoireView.Amounts.of(m.lines());
        List<MemoireStatusChange> steps = changes.findByMemoireIdOrderBySeq(m.id());
        String providerComplement = steps.stream()
                .filter(c -> c.status() == MemoireStatus.COMPLETE).reduce((first, last) -> last)
                .map(MemoireStatusChange::reason).orElse(null);
        String orderedAt = steps.stream().filter(c -> c.status() == MemoireStatus.MANDATE).reduce((first, last) -> last)
                .map(c -> FrenchDates.shortDateTime(c.changedAt())).orElse("");
        Map<UUID, Integer> positions = new LinkedHashMap<>();
        m.lines().forEach(l -> positions.put(l.id(), l.position()));
        return new TaskMemoire(m.mjNumber(), FrenchDates.shortDateTime(m.depositedAt()),
                FormText.inline(structure.name() + " (" + structure.identifierType().label() + " "
                        + structure.identifier() + ")"),
                name.apply(m.jurisdictionCode()), name.apply(m.certifyingOffice()), name.apply(m.courAppel()),
                m.track() == Track.TAXATION ? "Taxation" : "Certification",
                m.controlLevel() == null ? "" : m.controlLevel().label(),
                m.late() ? "OUI : mission achevée il y a plus d'un an (CPP art. 800), forclusion possible" : "Non",
                m.lines().stream().anyMatch(MemoireLine::aboveTariff) ? "OUI : au moins une ligne dépasse le tarif" : "Non",
                repeatedLines.summary(m),
                euros(amounts.exclVat()), euros(amounts.vat()), euros(amounts.inclVat()),
                m.grantedAmount() == null ? "—" : euros(m.grantedAmount()), orderedAt,
                m.complementRequest() == null ? null : FormText.lines(m.complementRequest()),
                providerComplement == null ? null : FormText.lines(providerComplement),
                m.lines().stream().map(MemoireTaskData::line).toList(),
                attachments.listed(m.id()).stream().map(a -> new Document(FormText.inline(a.getFileName()),
                        a.getKind().label(),
                        a.getLineId() == null || !positions.containsKey(a.getLineId()) ? "" : "ligne " + positions.get(a.getLineId()),
                        "/api/staff/memoires/" + m.mjNumber() + "/attachments/" + a.getId())).toList(),
                steps.stream().map(MemoireTaskData::step).toList());
    }

    /** The card of the mémoire's task in Tasklist: n° MJ, provider, amount TTC (the one retained once decided), deposit, control. */
    private static Map<String, String> card(Memoire m, Structure structure) {
        Map<String, String> card = new LinkedHashMap<>();
        card.put(CARD_NUMBER, m.mjNumber());
        card.put(CARD_PROVIDER, structure.name());
        card.put(CARD_AMOUNT, euros(m.grantedAmount() != null ? m.grantedAmount() : m.requestedAmount()));
        card.put(CARD_DEPOSIT, m.depositedAt() == null ? "" : FrenchDates.date(m.depositedAt()));
        card.put(CARD_CONTROL, m.controlLevel() == null ? "" : m.controlLevel().label());
        return card;
    }

    PaymentDefaults paymentDefaults(String mjNumber) {
        Memoire m = memoire(mjNumber);
        BigDecimal ordered = m.grantedAmount() != null ? m.grantedAmount() : m.requestedAmount();
        return new PaymentDefaults(ordered.doubleValue(), LocalDate.now(clock.withZone(FrenchDates.PARIS)).toString());
    }

    private Memoire memoire(String mjNumber) {
        return memoires.findByNumber(mjNumber).orElseThrow(MemoireNumbers::notFound);
    }

    private static Step step(MemoireStatusChange c) {
        String actor = FormText.inline(c.actor());
        if (c.actorId() != null && !isUuid(c.actorId())) {  // a staff member's Camunda login, for the staff only
            actor += " (" + FormText.inline(c.actorId()) + ")";
        }
        return new Step(FrenchDates.shortDateTime(c.changedAt()), c.status().label(), actor, FormText.lines(c.reason()));
    }

    private static Line line(MemoireLine l) {
        return new Line(l.position(), l.serviceType().label(), l.serviceType().unit(), date(l.serviceDate()),
                decimal(l.quantity()), euros(l.unitPriceExclVat()), euros(l.amountInclVat()), tariffGap(l),
                FormText.inline(l.caseNumber()), date(l.requisitionDate()), FormText.inline(l.requestingAuthority()),
                euros(l.amountExclVat()), decimal(l.vatRate()) + " %", euros(l.sundryCosts()),
                FormText.lines(l.sundryCostsDetail()), euros(l.disbursements()),
                l.tariffed() && l.tariffExclVat() != null ? euros(l.tariffExclVat()) + " HT par " + l.serviceType().unit()
                        : "non tarifé",
                l.correctedExclVat() == null ? ""
                        : euros(l.correctedExclVat()) + " HT retenus : " + FormText.inline(l.correctionReason()));
    }

    /** How far the unit price is from the CPP tariff: « au tarif », « +5,00 € (tarif 25,00 €) », « non tarifé ». */
    static String tariffGap(MemoireLine l) {
        if (!l.tariffed() || l.tariffExclVat() == null) {
            return "non tarifé";
        }
        BigDecimal gap = l.unitPriceExclVat().subtract(l.tariffExclVat());
        if (gap.signum() == 0) {
            return "au tarif";
        }
        return (gap.signum() > 0 ? "+" : "−") + euros(gap.abs()) + " (tarif " + euros(l.tariffExclVat()) + ")";
    }

    private String name(String code) {
        return jurisdictions.find(code).map(Jurisdiction::name).orElse(code);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : FrenchDates.date(date);
    }

    /** « 2,5 », « 4 », « 5,5 » */
    private static String decimal(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String euros(BigDecimal amount) {
        return FrenchDates.euros(amount);
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
