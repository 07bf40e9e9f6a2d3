package fr.fraisdejustice.ticket;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of a ticket's history: what happened, the status it left, who did it and what was said. */
@Entity
@Table(name = "ticket_event")
class TicketEvent {

    @Id
    private UUID id;

    /** The order of the steps, given by the database (two steps may share an instant). */
    @Column(insertable = false, updatable = false)
    private Long seq;

    @Column(name = "ticket_id")
    private UUID ticketId;

    private Instant at;

    @Enumerated(EnumType.STRING)
    private TicketStatus status;

    private String actor;

    @Column(name = "actor_id")
    private String actorId;

    private String what;

    private String message;

    protected TicketEvent() {
    }

    TicketEvent(SupportTicket ticket, String actor, String actorId, String what, String message, Instant now) {
        this.id = UUID.randomUUID();
        this.ticketId = ticket.id();
        this.at = now;
        this.status = ticket.status();
        this.actor = actor;
        this.actorId = actorId;
        this.what = what;
        this.message = message;
    }

    Instant at() { return at; }
    TicketStatus status() { return status; }
    String actor() { return actor; }
    /** The requester's account id, or the agent's Camunda login. */
    String actorId() { return actorId; }
    String what() { return what; }
    String message() { return message; }
}
