package fr.fraisdejustice.ticket;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import fr.fraisdejustice.account.Providers;

/** Opens tickets through the service and plays the agents' part as Tasklist would. */
record TicketFixture(Tickets tickets, ProcessEngine engine) {

    Tickets.TicketView open(Providers.Provider requester, String subcategory, String objectNumber) {
        return tickets.create(new SupportTicket.Request(subcategory, objectNumber, requester.structureId(),
                requester.email(), "01 23 45 67 89", "Question sur " + subcategory, "Bonjour, pouvez-vous m'aider ?"),
                false, requester.accountId());
    }

    Task task(String number) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).singleResult();
    }

    /** The agent of this group claims the ticket's task, then answers with what the form submits. */
    void answer(String number, String agent, String group, Map<String, Object> form) {
        IdentityService identity = engine.getIdentityService();
        TaskService tasks = engine.getTaskService();
        identity.setAuthentication(agent, List.of(group));
        try {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
            if (task == null) {
                throw new AssertionError(agent + " ne voit pas la sollicitation " + number);
            }
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), agent);
            }
            tasks.complete(task.getId(), form);
        } finally {
            identity.clearAuthentication();
        }
    }
}
