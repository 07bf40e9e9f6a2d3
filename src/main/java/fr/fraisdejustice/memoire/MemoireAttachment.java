package fr.fraisdejustice.memoire;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;

/** A pièce jointe: its content, checked by type and size when it came in, and the SHA-256 that certificates cite. */
@Entity
@Table(name = "memoire_attachment")
class MemoireAttachment extends InsertedRow {

    @Column(name = "memoire_id")
    private UUID memoireId;

    @Column(name = "line_id")
    private UUID lineId;

    @Enumerated(EnumType.STRING)
    private AttachmentKind kind;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "media_type")
    private String mediaType;

    private long size;

    private String sha256;

    private String designation;

    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    @Column(name = "created_at")
    private Instant createdAt;

    protected MemoireAttachment() {
    }

    MemoireAttachment(UUID memoireId, UUID lineId, AttachmentKind kind, String fileName, String mediaType,
                      byte[] content, String sha256, Instant now) {
        super(UUID.randomUUID());
        this.memoireId = memoireId;
        this.lineId = lineId;
        this.kind = kind;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.size = content.length;
        this.sha256 = sha256;
        this.content = content;
        this.createdAt = now;
    }

    MemoireAttachment designated(String designation) {
        this.designation = designation;
        return this;
    }

    /** The same document, attached to another mémoire (a duplicate) and, if any, to its copy of the line. */
    MemoireAttachment copyTo(UUID otherMemoireId, UUID otherLineId, Instant now) {
        return new MemoireAttachment(otherMemoireId, otherLineId, kind, fileName, mediaType, content, sha256, now)
                .designated(designation);
    }

    UUID id() { return getId(); }
    UUID memoireId() { return memoireId; }
    UUID lineId() { return lineId; }
    AttachmentKind kind() { return kind; }
    String fileName() { return fileName; }
    String mediaType() { return mediaType; }
    long size() { return size; }
    String sha256() { return sha256; }
    String designation() { return designation; }
    byte[] content() { return content; }
    Instant createdAt() { return createdAt; }
}
