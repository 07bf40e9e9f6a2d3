package fr.fraisdejustice.ticket;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/** Asks {@code dmn/ticket-routing.dmn} who answers a ticket: SUPPORT or SERVICE_METIER. */
@Service
class TicketRouting {

    static final String DECISION = "ticket-routing";

    private final DecisionService decisions;

    TicketRouting(DecisionService decisions) {
        this.decisions = decisions;
    }

    String recipient(String category, String subcategory) {
        return decisions.evaluateDecisionTableByKey(DECISION, Map.of("category", category, "subcategory", subcategory))
                .getSingleResult().getSingleEntry();
    }
}
