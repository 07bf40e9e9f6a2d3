package fr.fraisdejustice.ticket;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import fr.fraisdejustice.shared.FrenchCsv;
import fr.fraisdejustice.shared.FrenchDates;

/** The list of sollicitations for a French spreadsheet; titles typed by providers never run as formulas. */
final class TicketCsv {

    static final String MEDIA_TYPE = "text/csv";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private TicketCsv() {
    }

    static void write(List<Tickets.TicketView> tickets, Writer out) throws IOException {
        FrenchCsv.Printer csv = FrenchCsv.open(out, "Numéro", "Titre", "Catégorie", "Sous-catégorie", "N° d'objet",
                "Statut", "Destinataire", "Créée le", "Mise à jour le");
        for (Tickets.TicketView t : tickets) {
            csv.printRecord(t.number(), t.title(), t.categoryLabel(), t.subcategoryLabel(), t.objectNumber(),
                    t.statusLabel(), t.recipientLabel(), dateTime(t.createdAt()), dateTime(t.updatedAt()));
        }
        csv.flush();
    }

    private static String dateTime(java.time.Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, FrenchDates.PARIS).format(DATE_TIME);
    }
}
