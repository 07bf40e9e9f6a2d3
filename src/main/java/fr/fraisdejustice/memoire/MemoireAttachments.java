package fr.fraisdejustice.memoire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
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

    record AttachmentView(UUID id, AttachmentKind kind, UUID lineId, String fileName, String mediaType, long size) {
        static AttachmentView of(MemoireAttachment a) {
            return new AttachmentView(a.id(), a.kind(), a.lineId(), a.fileName(), a.mediaType(), a.size());
        }
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
        if (file != null && file.getSize() > MAX_FILE_BYTES) {  // refused before its bytes are read
            UploadCheck.check(file, "file", UploadCheck.PDF_PNG_JPEG_TIFF, MAX_FILE_BYTES, MAX_NAME_LENGTH);
        }
        return add(number, file == null ? null : file.getOriginalFilename(), file == null ? null : bytes(file), kind,
                lineId, accountId);
    }

    /** The same checks and storage for a document already in memory (a dépôt flux's attachment). */
    public AttachmentView add(String number, String fileName, byte[] content, String kind, UUID lineId, UUID accountId) {
        Memoire memoire = memoire(number);
        structures.requireProfile(memoire.structureId(), accountId, Membership.MODIFICATION);
        if (memoire.status() != MemoireStatus.SUSPENDU) {  // a suspended mémoire takes the documents the clerk asked for
            memoire.requireDraft();
        }
        AttachmentKind attachmentKind = kind(kind);
        if (lineId != null) {
            memoire.line(lineId);
        }
        String type = UploadCheck.check(fileName, content, "file", UploadCheck.PDF_PNG_JPEG_TIFF, MAX_FILE_BYTES, MAX_NAME_LENGTH);
        if (attachments.totalSize(memoire.id()) + content.length > MAX_MEMOIRE_BYTES) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "MEMOIRE_ATTACHMENTS_TOO_LARGE",
                    "Les pièces jointes d'un mémoire ne dépassent pas 120 Mo au total : réduisez ou retirez des documents.");
        }
        return AttachmentView.of(attachments.save(new MemoireAttachment(memoire.id(), lineId, attachmentKind,
                fileName, type, content, SecureTokens.sha256(content), clock.instant())));
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
