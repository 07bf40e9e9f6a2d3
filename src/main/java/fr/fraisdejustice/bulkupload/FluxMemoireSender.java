package fr.fraisdejustice.bulkupload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.fraisdejustice.memoire.Memoire;
import fr.fraisdejustice.memoire.MemoireAttachments;
import fr.fraisdejustice.memoire.MemoireDrafts;
import fr.fraisdejustice.memoire.MemoireLine;
import fr.fraisdejustice.memoire.MemoireSubmission;
import fr.fraisdejustice.memoire.ServiceType;
import fr.fraisdejustice.memoire.VatType;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.structure.ProviderCategory;

/**
 * One mémoire of a dépôt flux, through exactly what the portal does: the draft and its header, each line, each
 * attachment, then « Valider et envoyer ». The caller runs it in one transaction: a refused mémoire leaves nothing.
 */
@Component
class FluxMemoireSender {

    private final MemoireDrafts drafts;
    private final MemoireAttachments attachments;
    private final MemoireSubmission submission;

    FluxMemoireSender(MemoireDrafts drafts, MemoireAttachments attachments, MemoireSubmission submission) {
        this.drafts = drafts;
        this.attachments = attachments;
        this.submission = submission;
    }

    /** Sends it and answers its MJ number; an DomainException says why not. */
    String send(FluxReader.Node memoire, UUID accountId) {
        Memoire.Header header = new Memoire.Header(memoire.text("jurisdictionCode").orElse(null),
                memoire.text("serviceCode").orElse(null), uuid(memoire, "bankAccountId"),
                value(memoire, "providerCategory", ProviderCategory.class), memoire.text("referenceText").orElse(null),
                value(memoire, "vatType", VatType.class), memoire.text("providerInvoiceNumber").orElse(null));
        String number = drafts.create(uuid(memoire, "structureId"), header, accountId).number();
        List<UUID> lineIds = new ArrayList<>();
        int position = 0;
        for (FluxReader.Node line : memoire.all("line")) {
            position++;
            try {
                lineIds.add(drafts.addLine(number, entry(line), accountId).id());
            } catch (DomainException e) {
                throw new DomainException(e.kind(), e.code(), "Ligne " + position + " : " + e.getMessage(),
                        e.errors() == null ? List.of() : e.errors());
            }
        }
        for (FluxReader.Node attachment : memoire.all("attachment")) {
            String line = attachment.attributes().get("line");
            UUID lineId = null;
            if (line != null) {
                int index = integer(line, "attachment/@line") - 1;
                if (index < 0 || index >= lineIds.size()) {
                    throw invalid("La pièce « " + attachment.attributes().get("fileName") + " » renvoie à la ligne " + line
                            + ", que le mémoire n'a pas.");
                }
                lineId = lineIds.get(index);
            }
            byte[] content;
            try {
                content = Base64.getMimeDecoder().decode(attachment.text().trim());
            } catch (IllegalArgumentException e) {
                throw invalid("La pièce « " + attachment.attributes().get("fileName") + " » n'est pas encodée en base64.");
            }
            attachments.add(number, attachment.attributes().get("fileName"), content, attachment.attributes().get("kind"),
                    lineId, accountId);
        }
        return submission.submit(number, bool(memoire, "swornStatement"), bool(memoire, "lateAcknowledged"), accountId).number();
    }

    private static MemoireLine.Entry entry(FluxReader.Node line) {
        return new MemoireLine.Entry(line.text("caseNumber").orElse(null), date(line, "requisitionDate"),
                line.text("requestingAuthority").orElse(null), value(line, "serviceType", ServiceType.class),
                date(line, "serviceDate"), decimal(line, "quantity"), decimal(line, "unitPriceExclVat"),
                decimal(line, "vatRate"), decimal(line, "sundryCosts"), line.text("sundryCostsDetail").orElse(null),
                decimal(line, "disbursements"), bool(line, "withOption"), bool(line, "night"), bool(line, "weekend"),
                line.text("firstHour").map(Boolean::parseBoolean).orElse(true));
    }

    private static UUID uuid(FluxReader.Node node, String name) {
        String text = node.text(name).orElseThrow(() -> invalid("<" + name + "> manque."));
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw invalid("<" + name + "> « " + text + " » n'est pas un identifiant (UUID).");
        }
    }

    private static <E extends Enum<E>> E value(FluxReader.Node node, String name, Class<E> type) {
        return node.text(name).map(text -> {
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                throw invalid("<" + name + "> « " + text + " » n'est pas une valeur connue (voir l'API de référence).");
            }
        }).orElse(null);
    }

    private static LocalDate date(FluxReader.Node node, String name) {
        return node.text(name).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw invalid("<" + name + "> « " + text + " » n'est pas une date AAAA-MM-JJ.");
            }
        }).orElse(null);
    }

    private static BigDecimal decimal(FluxReader.Node node, String name) {
        return node.text(name).map(text -> {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw invalid("<" + name + "> « " + text + " » n'est pas un nombre (séparateur décimal : le point).");
            }
        }).orElse(null);
    }

    private static boolean bool(FluxReader.Node node, String name) {
        return node.text(name).map(Boolean::parseBoolean).orElse(false);
    }

    private static int integer(String text, String name) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw invalid(name + " « " + text + " » n'est pas un nombre entier.");
        }
    }

    private static DomainException invalid(String detail) {
        return new DomainException(DomainException.Kind.INVALID, "INVALID_FLUX_VALUE", detail);
    }
}
