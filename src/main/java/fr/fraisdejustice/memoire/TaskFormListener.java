package fr.fraisdejustice.memoire;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * On creation of each user task of memoire-lifecycle: gives its Camunda Form the mémoire as the clerk must see it
 * (header, lines, amounts, flags, links to the attachments), as a task-local JSON variable read from our tables. The
 * process itself carries only references.
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
        try {
            task.setVariableLocal("memoire", SpinValues.jsonValue(
                    json.writeValueAsString(data.of(task.getExecution().getProcessBusinessKey()))).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Mémoire impossible à présenter dans le formulaire", e);
        }
    }
}
