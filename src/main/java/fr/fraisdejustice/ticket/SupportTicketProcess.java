package fr.fraisdejustice.ticket;

import java.time.Duration;
import java.time.Period;

/** The names and periods of {@code bpmn/support-ticket.bpmn} that Java uses, in one place (ProcessConstantsTest ties them). */
public final class SupportTicketProcess {

    public static final String KEY = "support-ticket";
    public static final String TASK_HANDLE = "Task_HandleTicket";
    public static final String TASK_APPLY_NOMINATION = "Task_ApplyNomination";
    /** The current gestionnaire principal objects to a pending nomination, from his structure's page. */
    public static final String MESSAGE_NOMINATION_OBJECTED = "NominationObjected";

    /** A ticket waiting on its requester this long is closed (DOMAIN.md: we decide 15 days). */
    public static final Duration REQUESTER_WAIT = Duration.ofDays(15);

    /** A gestionnaire principal named by the support takes the role after this long, unless the current one objects. */
    public static final Duration OBJECTION_PERIOD = Duration.ofDays(8);

    /** A current gestionnaire principal who has not logged in for this long is replaced at once, without waiting. */
    public static final Period INACTIVE_MANAGER = Period.ofMonths(6);

    private SupportTicketProcess() {
    }
}
