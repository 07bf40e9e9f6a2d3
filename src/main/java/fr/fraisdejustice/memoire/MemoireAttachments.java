package fr.fraisdejustice.memoire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FieldProblem;
import fr.fraisdejustice.shared.SecureTokens;
import fr.fraisdejustice.shared.UploadCheck;
import fr.fraisdejustice.structure.Membership;
import fr.fraisdejustice.structure.Structures;

/**
 * The pièces jointes of a draft (DOMAIN.md: PDF, PNG, JPEG or TIFF judged by content, 10 Mo per file, 120 Mo per
 * mémoire, names of 50 characters at most).
 */
@Service
@Transactional
public class MemoireAttachments {

    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    static final long MAX_MEMOIRE_BYTES = 120L * 1024 * 1024;
    static final int MAX_NAME_LENGTH = 50;
    static final int MAX_DESIGNATION_LENGTH = 100;

    record AttachmentView(UUID id, AttachmentKind kind, String kindLabel, UUID lineId, String fileName, String mediaType,
                          long size, String designation) {
        static AttachmentView of(MemoireAttachment a) {
            return new AttachmentView(a.id(), a.kind(), a.kind().label(), a.lineId(), a.fileName(), a.mediaType(),
                    a.size(), a.designation());
        }
    }

    /** A document of another mémoire of the structure that this one may take again. */
    record AvailableView(UUID id, AttachmentKind kind, String kindLabel, String fileName, String designation, long size,
                         String memoireNumber) {
    }

    record Content(String fileName, String mediaType, byte[] bytes) {
    }

    private final MemoireRepository memoires;
    private final MemoireAttachmentRepository attachments;
    private final Structures structures;
    private final MemoireHandlers handlers;
    private final Clock clock;

    MemoireAttachments(MemoireRepository memoires, MemoireAttachmentRepository attachments, Structures structures,
                       MemoireHandlers handlers, Clock clock) {
        this.memoires = memoires;
        this.attachments = attachments;
        this.structures = structures;
        this.handlers = handlers;
        this.clock = clock;
    }

    AttachmentView add(String number, MultipartFile file, String kind, UUID lineId, UUID accountId) {
        return add(number, file, kind, lineId, null, accountId);
    }

    AttachmentView add(String number, MultipartFile file, String kind, UUID lineId, String designation, UUID accountId) {
        if (file != null && file.getSize() > MAX_FILE_BYTES) {  // refused before its bytes are read
            UploadCheck.check(file, "file", UploadCheck.PDF_PNG_JPEG_TIFF, MAX_FILE_BYTES, MAX_NAME_LENGTH);
        }
        return add(number, file == null ? null : file.getOriginalFilename(), file == null ? null : bytes(file), kind,
                lineId, designation, accountId);
    }

    /** The same checks and storage for a document already in memory (a dépôt flux's attachment). */
    public AttachmentView add(String number, String fileName, byte[] content, String kind, UUID lineId, UUID accountId) {
        return add(number, fileName, content, kind, lineId, null, accountId);
    }

    private AttachmentView add(String number, String fileName, byte[] content, String kind, UUID lineId,
                               String designation, UUID accountId) {
        Memoire memoire = receiving(number, accountId);
        AttachmentKind attachmentKind = kind(kind);
        String checkedDesignation = designation(designation);
        if (lineId != null) {
            memoire.line(lineId);
        }
        String type = UploadCheck.check(fileName, content, "file", UploadCheck.PDF_PNG_JPEG_TIFF, MAX_FILE_BYTES, MAX_NAME_LENGTH);
        requireRoomFor(memoire, content.length);
        return AttachmentView.of(attachments.save(new MemoireAttachment(memoire.id(), lineId, attachmentKind,
                fileName, type, content, SecureTokens.sha256(content), clock.instant()).designated(checkedDesignation)));
    }

    /**
     * « Pièces disponibles »: the documents of the structure's other mémoires that this draft does not hold yet, each
     * document once (the same file attached to several mémoires is offered once).
     */
    @Transactional(readOnly = true)
    List<AvailableView> available(String number, UUID accountId) {
        Memoire memoire = memoire(number);
        structures.requireMember(memoire.structureId(), accountId);
        Set<String> held = new HashSet<>(attachments.fingerprintsOf(memoire.id()));
        return attachments.availableFor(memoire.structureId(), memoire.id()).stream()
                .filter(a -> held.add(a.getSha256()))
                .map(a -> new AvailableView(a.getId(), a.getKind(), a.getKind().label(), a.getFileName(),
                        a.getDesignation(), a.getSize(), a.getMjNumber() != null ? a.getMjNumber() : a.getDraftNumber()))
                .toList();
    }

    /** Attaches to this draft a document of another mémoire of the same structure, as it was stored then. */
    AttachmentView reuse(String number, UUID sourceId, String kind, UUID lineId, String designation, UUID accountId) {
        Memoire memoire = receiving(number, accountId);
        MemoireAttachment source = (sourceId == null ? Optional.<MemoireAttachment>empty() : attachments.findById(sourceId))
                .filter(a -> a.kind() != AttachmentKind.RIB)
                .filter(a -> memoires.findById(a.memoireId()).map(m -> m.structureId().equals(memoire.structureId()))
                        .orElse(false))
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "ATTACHMENT_NOT_FOUND",
                        "Cette pièce n'est pas parmi les pièces disponibles de votre structure."));
        AttachmentKind attachmentKind = kind == null || kind.isBlank() ? source.kind() : kind(kind);
        String checkedDesignation = designation == null || designation.isBlank() ? source.designation() : designation(designation);
        if (lineId != null) {
            memoire.line(lineId);
        }
        requireRoomFor(memoire, source.size());
        return AttachmentView.of(attachments.save(new MemoireAttachment(memoire.id(), lineId, attachmentKind,
                source.fileName(), source.mediaType(), source.content(), source.sha256(), clock.instant())
                .designated(checkedDesignation)));
    }

    /** A draft, or a suspended mémoire that takes the documents the clerk asked for, that the account may change. */
    private Memoire receiving(String number, UUID accountId) {
        Memoire memoire = memoire(number);
        structures.requireProfile(memoire.structureId(), accountId, Membership.MODIFICATION);
        if (memoire.status() != MemoireStatus.SUSPENDU) {
            memoire.requireDraft();
        }
        return memoire;
    }

    private void requireRoomFor(Memoire memoire, long bytes) {
        if (attachments.totalSize(memoire.id()) + bytes > MAX_MEMOIRE_BYTES) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "MEMOIRE_ATTACHMENTS_TOO_LARGE",
                    "Les pièces jointes d'un mémoire ne dépassent pas 120 Mo au total : réduisez ou retirez des documents.");
        }
    }

    private static String designation(String designation) {
        if (designation == null || designation.isBlank()) {
            return null;
        }
        if (designation.trim().length() > MAX_DESIGNATION_LENGTH) {
            throw DomainException.invalidField("designation", "INVALID_LENGTH",
                    "La désignation de la pièce compte au plus 100 caractères.");
        }
        return designation.trim();
    }

    @Transactional(readOnly = true)
    List<AttachmentView> of(String number, UUID accountId) {
        Memoire memoire = memoire(number);
        structures.requireMember(memoire.structureId(), accountId);
        return attachments.findByMemoireIdOrderByCreatedAt(memoire.id()).stream().map(AttachmentView::of).toList();
    }

    @Transactional(readOnly = true)
    Content content(String number, UUID attachmentId, UUID accountId) {
        MemoireAttachment attachment = attachment(number, attachmentId, accountId, false);
        return new Content(attachment.fileName(), attachment.mediaType(), attachment.content());
    }

    /**
     * An attachment of a sent mémoire, for a staff member of a candidate group of one of its current or past tasks
     * (MemoireHandlers): the office that certifies it, and the parquet, magistrates, SAR or comptable once it reached
     * them. Anyone else is told the mémoire does not exist.
     */
    @Transactional(readOnly = true)
    Content staffContent(String mjNumber, UUID attachmentId, Set<String> staffGroups) {
        Memoire memoire = memoire(mjNumber);
        Set<String> handlers = memoire.mjNumber() == null ? Set.of() : this.handlers.groups(memoire.mjNumber());
        if (staffGroups.stream().noneMatch(handlers::contains)) {
            throw MemoireNumbers.notFound();
        }
        MemoireAttachment attachment = attachments.findById(attachmentId).filter(a -> a.memoireId().equals(memoire.id()))
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "ATTACHMENT_NOT_FOUND",
                        "Cette pièce jointe n'existe pas dans ce mémoire."));
        return new Content(attachment.fileName(), attachment.mediaType(), attachment.content());
    }

    void remove(String number, UUID attachmentId, UUID accountId) {
        attachments.delete(attachment(number, attachmentId, accountId, true));
    }

    private MemoireAttachment attachment(String number, UUID attachmentId, UUID accountId, boolean change) {
        Memoire memoire = memoire(number);
        if (change) {
            structures.requireProfile(memoire.structureId(), accountId, Membership.MODIFICATION);
            memoire.requireDraft();
        } else {
            structures.requireMember(memoire.structureId(), accountId);
        }
        return attachments.findById(attachmentId).filter(a -> a.memoireId().equals(memoire.id()))
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "ATTACHMENT_NOT_FOUND",
                        "Cette pièce jointe n'existe pas dans ce mémoire."));
    }

    private Memoire memoire(String number) {
        return memoires.findByNumber(MemoireNumbers.normalize(number))
                .orElseThrow(MemoireNumbers::notFound);
    }

    private static AttachmentKind kind(String kind) {
        try {
            return AttachmentKind.valueOf(kind == null ? "" : kind.trim());
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Kind.INVALID, "VALIDATION_FAILED",
                    "Précisez la nature de la pièce : REQUISITION, ATTESTATION_MISSION, BORDEREAU_FRAIS ou AUTRE.",
                    List.of(new FieldProblem("kind", "INVALID_VALUE", "Nature de pièce inconnue.")));
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
