package fr.fraisdejustice.ticket;

import java.time.Duration;

/** The names and periods of {@code bpmn/support-ticket.bpmn} that Java uses, in one place (ProcessConstantsTest ties them). */
public final class SupportTicketProcess {

    public static final String KEY = "support-ticket";
    public static final String TASK_HANDLE = "Task_HandleTicket";

    /** A ticket waiting on its requester this long is closed (DOMAIN.md: we decide 15 days). */
    public static final Duration REQUESTER_WAIT = Duration.ofDays(15);

    private SupportTicketProcess() {
    }
}
