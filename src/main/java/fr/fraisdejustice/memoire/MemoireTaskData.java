package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.jurisdiction.Jurisdiction;
import fr.fraisdejustice.jurisdiction.Jurisdictions;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.structure.Structure;
import fr.fraisdejustice.structure.Structures;

/** The mémoire as the staff's Tasklist forms show it: every value already worded in French. */
@Service
@Transactional(readOnly = true)
class MemoireTaskData {

    record TaskMemoire(String number, String depositedAt, String structure, String jurisdiction, String office,
                       String courAppel, String track, String controlLevel, String late, String aboveTariff,
                       String exclVat, String vat, String requested, String granted, String complementRequest,
                       String providerComplement, List<Line> lines, List<Document> attachments, List<Step> history) {
    }

    record Step(String date, String status, String actor, String reason) {
    }

    record Line(int line, String caseNumber, String requestingAuthority, String serviceType, String serviceDate,
                String quantity, String unitPrice, String tariff, String flag, String vatRate, String inclVat,
                String correction) {
    }

    record Document(String name, String kind, String url) {
    }

    private final MemoireRepository memoires;
    private final MemoireAttachmentRepository attachments;
    private final MemoireStatusChangeRepository changes;
    private final Structures structures;
    private final Jurisdictions jurisdictions;

    MemoireTaskData(MemoireRepository memoires, MemoireAttachmentRepository attachments,
                    MemoireStatusChangeRepository changes, Structures structures, Jurisdictions jurisdictions) {
        this.memoires = memoires;
        this.attachments = attachments;
        this.changes = changes;
        this.structures = structures;
        this.jurisdictions = jurisdictions;
    }

    TaskMemoire of(String mjNumber) {
        Memoire m = memoires.findByNumber(mjNumber).orElseThrow(MemoireNumbers::notFound);
        Structure structure = structures.byId(m.structureId());
        MemoireView.Amounts amounts = MemoireView.Amounts.of(m.lines());
        List<MemoireStatusChange> steps = changes.findByMemoireIdOrderBySeq(m.id());
        String providerComplement = steps.stream()
                .filter(c -> c.status() == MemoireStatus.COMPLETE).reduce((first, last) -> last)
                .map(MemoireStatusChange::reason).orElse(null);
        return new TaskMemoire(m.mjNumber(), FrenchDates.dateTime(m.depositedAt()),
                structure.name() + " (" + structure.identifierType() + " " + structure.identifier() + ")",
                name(m.jurisdictionCode()), name(m.certifyingOffice()), name(m.courAppel()),
                m.track() == Track.TAXATION ? "Taxation" : "Certification",
                m.controlLevel() == null ? "" : m.controlLevel().label(),
                m.late() ? "OUI : mission achevée il y a plus d'un an (CPP art. 800), forclusion possible" : "Non",
                m.lines().stream().anyMatch(MemoireLine::aboveTariff) ? "OUI : au moins une ligne dépasse le tarif" : "Non",
                euros(amounts.exclVat()), euros(amounts.vat()), euros(amounts.inclVat()),
                m.grantedAmount() == null ? "" : euros(m.grantedAmount()),
                m.complementRequest(), providerComplement,
                m.lines().stream().map(MemoireTaskData::line).toList(),
                attachments.summaries(m.id()).stream().map(a -> new Document(a.getFileName(), a.getKind().name(),
                        "/api/staff/memoires/" + m.mjNumber() + "/attachments/" + a.getId())).toList(),
                steps.stream().map(c -> new Step(FrenchDates.dateTime(c.changedAt()), c.status().label(), c.actor(),
                        c.reason() == null ? "" : c.reason())).toList());
    }

    private static Line line(MemoireLine l) {
        return new Line(l.position(), l.caseNumber(), l.requestingAuthority(), l.serviceType().label(),
                l.serviceDate().toString(), l.quantity().stripTrailingZeros().toPlainString(), euros(l.unitPriceExclVat()),
                l.tariffed() && l.tariffExclVat() != null ? euros(l.tariffExclVat()) : "non tarifé",
                l.aboveTariff() ? "au-dessus du tarif" : "", l.vatRate().stripTrailingZeros().toPlainString() + " %",
                euros(l.amountInclVat()),
                l.correctedExclVat() == null ? "" : euros(l.correctedExclVat()) + " HT (" + l.correctionReason() + ")");
    }

    private String name(String code) {
        return code == null ? "" : jurisdictions.find(code).map(Jurisdiction::name).orElse(code);
    }

    private static String euros(BigDecimal amount) {
        return FrenchDates.euros(amount);
    }
}
