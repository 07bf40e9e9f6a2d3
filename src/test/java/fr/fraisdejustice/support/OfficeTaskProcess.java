package fr.fraisdejustice.support;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A one-task test process whose candidate group comes from data, as the real ones do: enough to prove who sees what in
 * the engine and in Tasklist before the real processes exist.
 */
public final class OfficeTaskProcess {

    public static final String KEY = "office-task-test";

    private final ProcessEngine engine;
    private String deploymentId;

    public OfficeTaskProcess(ProcessEngine engine) {
        this.engine = engine;
    }

    public OfficeTaskProcess deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY)
                .name("Processus de test")
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Started")
                .userTask("Task_CheckMemoire").name("Contrôler le mémoire ${memoire}").camundaCandidateGroups("${office}")
                // overdue, so that the work lists (sorted by due date) show it first whatever other tests left
                .camundaDueDate("2020-01-01T00:00:00")
                .endEvent("Event_Checked")
                .done();
        deploymentId = engine.getRepositoryService().createDeployment().name(KEY)
                .addModelInstance(KEY + ".bpmn", model).deploy().getId();
        return this;
    }

    public ProcessInstance start(String memoire, String officeGroup) {
        return engine.getRuntimeService().startProcessInstanceByKey(KEY, memoire,
                Map.of("memoire", memoire, "office", officeGroup));
    }

    public void undeploy() {
        if (deploymentId != null) {
            engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
        }
    }
}
