package fr.fraisdejustice.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/** Records each step of a ticket in the transaction that made it. */
@Component
class TicketHistory {

    record Step(Instant at, TicketStatus status, String statusLabel, String actor, String what, String message) {
    }

    private final TicketEventRepository events;
    private final Clock clock;

    TicketHistory(TicketEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void record(SupportTicket ticket, String actor, String actorId, String what, String message) {
        events.save(new TicketEvent(ticket, actor, actorId, what, message, clock.instant()));
    }

    List<Step> of(SupportTicket ticket) {
        return events.findByTicketIdOrderBySeq(ticket.id()).stream()
                .map(e -> new Step(e.at(), e.status(), e.status().label(), e.actor(), e.what(), e.message())).toList();
    }
}
