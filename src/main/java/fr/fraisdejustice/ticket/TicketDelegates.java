package fr.fraisdejustice.ticket;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.fraisdejustice.notification.Mailer;

/** The service tasks of support-ticket: thin, they read the business key and call the ticket feature. */
@Configuration
class TicketDelegates {

    /** Task_MailSolution, Task_MailInformationRequest: tells the requester that the ticket waits on him. */
    @Bean
    JavaDelegate ticketRequesterMailer(TicketProcessing processing, TicketHistory history, TicketMails mails, Mailer mailer) {
        return execution -> {
            SupportTicket ticket = processing.ticket(execution.getProcessBusinessKey());
            if (ticket.status() != TicketStatus.RESOLU && ticket.status() != TicketStatus.ACTION_REQUISE) {
                return;  // the requester answered before this mail left: it would tell him stale news
            }
            List<TicketHistory.Step> steps = history.of(ticket);
            mailer.send(mails.of(ticket, steps.isEmpty() ? null : steps.get(steps.size() - 1).message()));
        };
    }

    /** Task_ApplyNomination: the objection period is over; names the gestionnaire principal, or back to the agent. */
    @Bean
    JavaDelegate ticketNominationApplier(TicketNomination nomination) {
        return execution -> execution.setVariable("outcome",
                nomination.applyAfterObjectionPeriod(execution.getProcessBusinessKey()).name());
    }

    /** Task_CloseUnanswered: 15 days without the requester's answer close the ticket, with a mail. */
    @Bean
    JavaDelegate ticketAutoCloser(TicketProcessing processing, TicketMails mails, Mailer mailer) {
        return (DelegateExecution execution) -> {
            processing.closeUnanswered(execution.getProcessBusinessKey());
            mailer.send(mails.of(processing.ticket(execution.getProcessBusinessKey()), null));
        };
    }
}
