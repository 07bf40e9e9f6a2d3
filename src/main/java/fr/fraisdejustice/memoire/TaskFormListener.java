package fr.fraisdejustice.memoire;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.shared.FormText;

/**
 * On creation of each user task of memoire-lifecycle: gives its Camunda Form the mémoire as the clerk must see it
 * (header, lines, amounts, flags, links to the attachments), as a task-local JSON variable read from our tables; gives
 * the task the few short labels its Tasklist card shows (n° MJ, provider, amount, deposit date, control level), read
 * afresh at each task as the retained amount may change; gives the magistrate the parquet's réquisitions as text; and
 * starts the comptable's form with the ordered amount, paid today. The process itself carries only references, the
 * routing's values and the payment's.
 */
@Component("memoireTaskForm")
class TaskFormListener implements TaskListener {

    private final MemoireTaskData data;
    private final ObjectMapper json;

    TaskFormListener(MemoireTaskData data, ObjectMapper json) {
        this.data = data;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        String mj = task.getExecution().getProcessBusinessKey();
        MemoireTaskData.ForTask presented = data.forTask(mj);
        try {
            task.setVariableLocal("memoire", SpinValues.jsonValue(json.writeValueAsString(presented.form())).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Mémoire impossible à présenter dans le formulaire", e);
        }
        Object requisitions = task.getVariable("requisitions");
        if (requisitions != null) {  // typed by the parquet, shown to the magistrate as text
            task.setVariableLocal("requisitionsText", FormText.lines(requisitions.toString()));
        }
        // task-local: Tasklist reads a card's variables with the clerk's rights, which reach his tasks, not the process
        presented.card().forEach(task::setVariableLocal);
        if (TaskDecisionListener.RELEASE_PAYMENT.equals(task.getTaskDefinitionKey())) {
            // in the process scope, not the task's: a completion through the engine REST API or TaskService.complete
            // writes the execution's variables, and a task-local default would hide what the comptable entered
            MemoireTaskData.PaymentDefaults defaults = data.paymentDefaults(mj);
            task.getExecution().getProcessInstance().setVariable("paidAmount", defaults.paidAmount());
            task.getExecution().getProcessInstance().setVariable("paymentDate", defaults.paymentDate());
        }
    }
}
