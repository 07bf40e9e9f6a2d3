package fr.fraisdejustice.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.fraisdejustice.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A sollicitation: what the requester asks, about what, and where it stands. */
@Entity
@Table(name = "support_ticket")
class SupportTicket {

    /** What the requester enters. */
    record Request(String subcategory, String objectNumber, UUID structureId, String contactEmail,
                   String contactPhone, String title, String description) {
    }

    @Id
    private UUID id;

    private String number;

    @Column(name = "structure_id")
    private UUID structureId;

    @Column(name = "requester_id")
    private UUID requesterId;

    private String subcategory;

    @Column(name = "object_type")
    private String objectType;

    @Column(name = "object_number")
    private String objectNumber;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "contact_phone")
    private String contactPhone;

    private String title;

    private String description;

    @Enumerated(EnumType.STRING)
    private TicketStatus status;

    private String recipient;

    @Column(name = "recipient_group")
    private String recipientGroup;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected SupportTicket() {
    }

    static SupportTicket draft(String number, UUID requesterId, String objectType, Request request, Instant now) {
        SupportTicket ticket = new SupportTicket();
        ticket.id = UUID.randomUUID();
        ticket.number = number;
        ticket.requesterId = requesterId;
        ticket.status = TicketStatus.BROUILLON;
        ticket.createdAt = now;
        ticket.change(objectType, request, now);
        return ticket;
    }

    void change(String objectType, Request request, Instant now) {
        requireStatus("le modifier", TicketStatus.BROUILLON);
        this.subcategory = request.subcategory();
        this.objectType = objectType;
        this.objectNumber = request.objectNumber();
        this.structureId = request.structureId();
        this.contactEmail = request.contactEmail();
        this.contactPhone = request.contactPhone();
        this.title = request.title();
        this.description = request.description();
        this.updatedAt = now;
    }

    void open(String recipient, String recipientGroup, Instant now) {
        requireStatus("l'envoyer", TicketStatus.BROUILLON);
        this.recipient = recipient;
        this.recipientGroup = recipientGroup;
        moveTo(TicketStatus.OUVERT, now);
    }

    void transferTo(String recipient, String recipientGroup, Instant now) {
        this.recipient = recipient;
        this.recipientGroup = recipientGroup;
        moveTo(TicketStatus.OUVERT, now);
    }

    void moveTo(TicketStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    void requireStatus(String action, TicketStatus... allowed) {
        if (!List.of(allowed).contains(status)) {
            throw new DomainException(DomainException.Kind.CONFLICT, status == TicketStatus.CLOTURE ? "TICKET_CLOSED" : "STATUS_FORBIDS_ACTION",
                    "La sollicitation " + number + " est « " + status.label() + " » : on ne peut pas " + action
                            + " (possible seulement si elle est " + List.of(allowed).stream()
                            .map(s -> "« " + s.label() + " »").collect(Collectors.joining(" ou ")) + ").")
                    .with("currentStatus", status.name());
        }
    }

    UUID id() { return id; }
    String number() { return number; }
    UUID structureId() { return structureId; }
    UUID requesterId() { return requesterId; }
    String subcategory() { return subcategory; }
    String objectType() { return objectType; }
    String objectNumber() { return objectNumber; }
    String contactEmail() { return contactEmail; }
    String contactPhone() { return contactPhone; }
    String title() { return title; }
    String description() { return description; }
    TicketStatus status() { return status; }
    String recipient() { return recipient; }
    String recipientGroup() { return recipientGroup; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
