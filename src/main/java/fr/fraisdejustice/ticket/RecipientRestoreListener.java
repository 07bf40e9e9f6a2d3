package fr.fraisdejustice.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On start of Task_HandleTicket, before its candidate group is computed: {@code recipientGroup} is read again from the
 * ticket's row (set by the routing and by a transfer), never taken from what a task completion or a caller wrote.
 */
@Component("ticketRecipientRestore")
class RecipientRestoreListener implements ExecutionListener {

    private final SupportTicketRepository tickets;

    RecipientRestoreListener(SupportTicketRepository tickets) {
        this.tickets = tickets;
    }

    @Override
    public void notify(DelegateExecution execution) {
        tickets.findByNumber(execution.getProcessBusinessKey()).map(SupportTicket::recipientGroup)
                .filter(group -> !group.equals(execution.getVariable("recipientGroup")))
                .ifPresent(group -> execution.setVariable("recipientGroup", group));
    }
}
