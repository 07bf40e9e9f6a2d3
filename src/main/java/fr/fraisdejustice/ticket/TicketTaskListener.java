package fr.fraisdejustice.ticket;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Task_HandleTicket's listeners. On create: the ticket as its form shows it (task-local JSON, read from our tables),
 * and the short labels of its Tasklist card (task-local too: Tasklist reads them with the agent's rights on his tasks).
 * On assignment: a claim puts the ticket « En cours ». On complete: applies the agent's answer in the same transaction
 * and tells the process where to go ({@code outcome}); a refused answer aborts the completion with a French message.
 */
@Component("ticketTask")
class TicketTaskListener implements TaskListener {

    private final TicketProcessing processing;
    private final TicketTaskData data;
    private final ObjectMapper json;

    TicketTaskListener(TicketProcessing processing, TicketTaskData data, ObjectMapper json) {
        this.processing = processing;
        this.data = data;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        String number = task.getExecution().getProcessBusinessKey();
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                task.setVariableLocal("ticket", formData(number));
                data.cardVariables(number).forEach(task::setVariableLocal);
            }
            case EVENTNAME_ASSIGNMENT -> processing.claimed(number, task.getAssignee());
            case EVENTNAME_COMPLETE -> {
                String agent = user(task);
                TicketProcessing.Outcome outcome = processing.answer(number, (String) task.getVariable("ticketDecision"),
                        (String) task.getVariable("answer"), (String) task.getVariable("nominationReason"), agent);
                task.setVariable("outcome", outcome.name());
                if (outcome == TicketProcessing.Outcome.TRANSFER) {
                    task.setVariable("recipientGroup", fr.fraisdejustice.shared.StaffGroups.SUPPORT);
                }
            }
            default -> {
            }
        }
    }

    private Object formData(String number) {
        try {
            return SpinValues.jsonValue(json.writeValueAsString(data.of(number))).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sollicitation impossible à présenter dans le formulaire", e);
        }
    }

    private static String user(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : task.getAssignee();
    }
}
