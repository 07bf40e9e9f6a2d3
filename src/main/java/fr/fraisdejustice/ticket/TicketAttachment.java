package fr.fraisdejustice.ticket;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A document joined to a ticket, checked by content and size like every upload. */
@Entity
@Table(name = "ticket_attachment")
class TicketAttachment {

    @Id
    private UUID id;

    @Column(name = "ticket_id")
    private UUID ticketId;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "media_type")
    private String mediaType;

    private long size;

    private byte[] content;

    @Column(name = "created_at")
    private Instant createdAt;

    protected TicketAttachment() {
    }

    TicketAttachment(UUID ticketId, String fileName, String mediaType, byte[] content, Instant now) {
        this.id = UUID.randomUUID();
        this.ticketId = ticketId;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.size = content.length;
        this.content = content;
        this.createdAt = now;
    }

    UUID id() { return id; }
    UUID ticketId() { return ticketId; }
    String fileName() { return fileName; }
    String mediaType() { return mediaType; }
    long size() { return size; }
    byte[] content() { return content; }
}
