package fr.fraisdejustice.workspace;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import fr.fraisdejustice.shared.FrenchCsv;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.SimplePdf;

/** The Liste fiscale as a CSV for spreadsheets and as a PDF to keep. */
@Component
class FiscalListDocument {

    byte[] render(LocalDate from, LocalDate to, List<MemoireWorkspace.FiscalRow> rows) {
        SimplePdf pdf = new SimplePdf().title("Liste fiscale des mémoires mis en paiement")
                .field("Période", "du " + FrenchDates.date(from) + " au " + FrenchDates.date(to))
                .field("Nombre de mémoires", String.valueOf(rows.size()))
                .field("Total payé", FrenchDates.euros(rows.stream().map(MemoireWorkspace.FiscalRow::paidAmount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)))
                .blank()
                .code(String.format("%-13s %-10s %-26s %14s %14s", "Numéro", "Payé le", "Structure", "Demandé TTC", "Payé TTC"));
        for (MemoireWorkspace.FiscalRow row : rows) {
            String structure = row.structureName().length() > 26 ? row.structureName().substring(0, 25) + "…" : row.structureName();
            pdf.code(String.format("%-13s %-10s %-26s %14s %14s", row.number(), FrenchDates.date(row.paymentDate()),
                    structure, FrenchDates.euros(row.amountInclVat()), FrenchDates.euros(row.paidAmount())));
        }
        return pdf.render();
    }

    static void csv(List<MemoireWorkspace.FiscalRow> rows, Writer out) throws IOException {
        FrenchCsv.Printer csv = FrenchCsv.open(out, "Numéro", "Structure", "Juridiction", "Date de paiement",
                "Montant demandé TTC", "Montant payé TTC");
        for (MemoireWorkspace.FiscalRow row : rows) {
            csv.printRecord(row.number(), row.structureName(), row.jurisdictionName(), FrenchDates.date(row.paymentDate()),
                    FrenchCsv.amount(row.amountInclVat()), FrenchCsv.amount(row.paidAmount()));
        }
        csv.flush();
    }
}
