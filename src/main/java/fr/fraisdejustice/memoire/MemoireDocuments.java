package fr.fraisdejustice.memoire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.jurisdiction.Jurisdictions;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.structure.Structures;

/** The PDFs of mémoires, one or several in a ZIP, for the members of their structure only. */
@Service
@Transactional(readOnly = true)
class MemoireDocuments {

    /** A ZIP of the mémoires selected on one page of the Synthèse, not of a whole history. */
    static final int MAX_PER_ZIP = 50;

    record Document(String fileName, byte[] pdf) {
    }

    private final MemoireDrafts drafts;
    private final MemoireRepository memoires;
    private final MemoireAttachmentRepository attachments;
    private final Structures structures;
    private final Jurisdictions jurisdictions;
    private final MemoireDocument document;

    MemoireDocuments(MemoireDrafts drafts, MemoireRepository memoires, MemoireAttachmentRepository attachments,
                     Structures structures, Jurisdictions jurisdictions, MemoireDocument document) {
        this.drafts = drafts;
        this.memoires = memoires;
        this.attachments = attachments;
        this.structures = structures;
        this.jurisdictions = jurisdictions;
        this.document = document;
    }

    Document of(String number, UUID accountId) {
        MemoireView memoire = drafts.read(number, accountId);
        Memoire entity = memoires.findByNumber(MemoireNumbers.normalize(number)).orElseThrow(MemoireNumbers::notFound);
        byte[] pdf = document.render(new MemoireDocument.Facts(memoire, structures.byId(memoire.structureId()).name(),
                jurisdictions.find(memoire.jurisdictionCode()).map(j -> j.name()).orElse(memoire.jurisdictionCode()),
                attachments.listed(entity.id())));
        return new Document(MemoireDocument.fileName(memoire), pdf);
    }

    /** Every mémoire is checked before any is written: one that is not the account's refuses the whole ZIP (404). */
    byte[] zip(List<String> numbers, UUID accountId) {
        if (numbers == null || numbers.isEmpty() || numbers.stream().anyMatch(n -> n == null || n.isBlank())) {
            throw DomainException.invalidField("numbers", "REQUIRED", "Sélectionnez au moins un mémoire à télécharger.");
        }
        Set<String> distinct = new LinkedHashSet<>(numbers.stream().map(MemoireNumbers::normalize).toList());
        if (distinct.size() > MAX_PER_ZIP) {
            throw DomainException.invalidField("numbers", "TOO_MANY",
                    "Téléchargez au plus " + MAX_PER_ZIP + " mémoires à la fois : sélectionnez-en moins.");
        }
        distinct.forEach(number -> drafts.read(number, accountId));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String number : distinct) {
                Document pdf = of(number, accountId);
                zip.putNextEntry(new ZipEntry(pdf.fileName()));
                zip.write(pdf.pdf());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
