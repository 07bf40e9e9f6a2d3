package fr.fraisdejustice.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import fr.fraisdejustice.memoire.MemoireLifecycleProcess;
import fr.fraisdejustice.ticket.SupportTicketProcess;

/** The names and periods Java keeps for each process are the model's own: a changed model fails here first. */
class ProcessConstantsTest {

    static BpmnModelInstance model(String key) {
        return Bpmn.readModelFromFile(new File("bpmn/" + key + ".bpmn"));
    }

    static List<Duration> timers(BpmnModelInstance model) {
        return model.getModelElementsByType(TimerEventDefinition.class).stream()
                .filter(timer -> timer.getTimeDuration() != null)
                .map(timer -> Duration.parse(timer.getTimeDuration().getTextContent().trim())).toList();
    }

    static List<String> messages(BpmnModelInstance model) {
        return model.getModelElementsByType(Message.class).stream().map(Message::getName).toList();
    }

    static List<String> userTasks(BpmnModelInstance model) {
        return model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId).toList();
    }

    @Test
    void theMemoireLifecycleConstantsAreTheModels() {
        BpmnModelInstance model = model(MemoireLifecycleProcess.KEY);

        assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId)
                .containsExactly(MemoireLifecycleProcess.KEY);
        assertThat(timers(model)).containsExactlyInAnyOrder(MemoireLifecycleProcess.CERTIFICATION_DUE,
                MemoireLifecycleProcess.APPEAL_PERIOD);
        assertThat(messages(model)).contains("MemoireCompleted", "TaxationAppealed", "MemoireAbandoned", "MemoireDuplicated");
        assertThat(userTasks(model)).contains(MemoireLifecycleProcess.TASK_CERTIFY,
                MemoireLifecycleProcess.TASK_WRITE_REQUISITIONS, MemoireLifecycleProcess.TASK_ISSUE_TAXATION_ORDER,
                MemoireLifecycleProcess.TASK_DECIDE_APPEAL, MemoireLifecycleProcess.TASK_ORDER_PAYMENT,
                MemoireLifecycleProcess.TASK_RELEASE_PAYMENT);
    }

    @Test
    void theSupportTicketConstantsAreTheModels() {
        BpmnModelInstance model = model(SupportTicketProcess.KEY);

        assertThat(timers(model)).isNotEmpty().containsOnly(SupportTicketProcess.REQUESTER_WAIT,
                SupportTicketProcess.OBJECTION_PERIOD).contains(SupportTicketProcess.OBJECTION_PERIOD);
        assertThat(userTasks(model)).contains(SupportTicketProcess.TASK_HANDLE);
        assertThat(messages(model)).contains(SupportTicketProcess.MESSAGE_NOMINATION_OBJECTED);
        assertThat((Object) model.getModelElementById(SupportTicketProcess.TASK_APPLY_NOMINATION)).as("tâche de nomination").isNotNull();
    }
}
