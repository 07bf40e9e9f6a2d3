package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.SimplePdf;

/** « Visualiser le mémoire »: the mémoire as a PDF, its header, lines, totals per VAT rate, attachments and history. */
@Component
class MemoireDocument {

    record Facts(MemoireView memoire, String structure, String jurisdiction,
                 List<MemoireAttachmentRepository.Listed> attachments) {
    }

    byte[] render(Facts facts) {
        MemoireView m = facts.memoire();
        SimplePdf pdf = new SimplePdf().title("Mémoire de frais de justice " + m.number())
                .field("Statut", m.statusLabel() + (m.statusReason() == null ? "" : " — " + m.statusReason()))
                .field("Prestataire", facts.structure())
                .field("Juridiction destinataire", facts.jurisdiction())
                .field("Catégorie de prestataire", m.providerCategory().label())
                .field("Texte de référence", ReferenceTexts.described(m.referenceText()))
                .field("Type de TVA", m.vatType().label());
        if (m.providerInvoiceNumber() != null) {
            pdf.field("N° de facture", m.providerInvoiceNumber());
        }
        if (m.draftNumber() != null && !m.draftNumber().equals(m.number())) {
            pdf.field("N° de brouillon", m.draftNumber());
        }
        pdf.field("Créé le", FrenchDates.dateTime(m.createdAt()));
        if (m.depositedAt() != null) {
            pdf.field("Envoyé le", FrenchDates.dateTime(m.depositedAt()) + (m.late()
                    ? " (plus d'un an après la fin de la mission, CPP art. 800)" : ""));
        }
        lines(pdf, m);
        totals(pdf, m);
        attachments(pdf, m, facts.attachments());
        pdf.heading("Historique (heure de Paris)").table(new float[] {1.4f, 1.6f, 2.2f, 3.2f},
                List.of("Date", "Statut", "Par", "Motif ou précision"),
                (m.history() == null ? List.<MemoireHistory.Step>of() : m.history()).stream()
                        .map(s -> List.of(FrenchDates.shortDateTime(s.changedAt()), s.label(), text(s.actor()), text(s.reason())))
                        .toList());
        return pdf.render();
    }

    private static void lines(SimplePdf pdf, MemoireView m) {
        pdf.heading("Lignes de prestation (" + m.lines().size() + ")");
        if (m.lines().isEmpty()) {
            pdf.paragraph("Aucune ligne.", 10);
            return;
        }
        pdf.table(new float[] {0.5f, 1.4f, 1.6f, 1.8f, 2.2f, 1.4f, 1.4f, 1.3f, 0.8f, 1.4f, 1.5f},
                List.of("N°", "N° d'affaire", "Réquisition", "Autorité requérante", "Prestation", "Date", "Quantité",
                        "Tarif HT", "TVA", "HT", "TTC"),
                m.lines().stream().map(l -> List.of(String.valueOf(l.position()), l.caseNumber(),
                        FrenchDates.date(l.requisitionDate()), l.requestingAuthority(), l.serviceType().label()
                                + (l.aboveTariff() ? " (au-dessus du tarif de " + FrenchDates.euros(l.tariffExclVat()) + ")" : ""),
                        FrenchDates.date(l.serviceDate()), number(l.quantity()), FrenchDates.euros(l.unitPriceExclVat()),
                        number(l.vatRate()) + " %", FrenchDates.euros(l.amountExclVat()), FrenchDates.euros(l.amountInclVat())))
                        .toList());
    }

    private static void totals(SimplePdf pdf, MemoireView m) {
        pdf.heading("Totaux par taux de TVA");
        List<List<String>> rows = new ArrayList<>(m.totals().byVatRate().stream()
                .map(r -> amounts("TVA " + number(r.vatRate()) + " %", r.amounts())).toList());
        rows.add(amounts("Total", m.totals().overall()));
        pdf.table(new float[] {1.4f, 1.5f, 1.5f, 1.5f, 1.5f, 1.6f},
                List.of("Taux", "HT", "Frais divers", "TVA", "Débours", "TTC"), rows);
    }

    private static List<String> amounts(String what, MemoireView.Amounts a) {
        return List.of(what, FrenchDates.euros(a.exclVat()), FrenchDates.euros(a.sundryCosts()),
                FrenchDates.euros(a.vat()), FrenchDates.euros(a.disbursements()), FrenchDates.euros(a.inclVat()));
    }

    private static void attachments(SimplePdf pdf, MemoireView m, List<MemoireAttachmentRepository.Listed> attachments) {
        pdf.heading("Pièces jointes (" + attachments.size() + ")");
        if (attachments.isEmpty()) {
            pdf.paragraph("Aucune pièce jointe.", 10);
            return;
        }
        Map<UUID, Integer> positions = m.lines().stream()
                .collect(Collectors.toMap(MemoireView.LineView::id, MemoireView.LineView::position));
        pdf.table(new float[] {2.6f, 1.8f, 1, 2.6f}, List.of("Fichier", "Nature", "Ligne", "Désignation"),
                attachments.stream().map(a -> List.of(a.getFileName(), a.getKind().label(),
                        a.getLineId() == null || !positions.containsKey(a.getLineId()) ? "" : "ligne " + positions.get(a.getLineId()),
                        text(a.getDesignation()))).toList());
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static String fileName(MemoireView memoire) {
        return "memoire-" + memoire.number() + ".pdf";
    }
}
