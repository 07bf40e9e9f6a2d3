package fr.fraisdejustice.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** The engine's migration refusals, said in French with the activity's label. */
class ProcessMigrationReasonsTest {

    static final BpmnModelInstance V1 = Bpmn.createExecutableProcess("essai").startEvent("Event_Started")
            .userTask("Task_Check").name("Vérifier").userTask("Task_Removed").name("Étape retirée")
            .userTask("Task_Unnamed").endEvent().done();
    static final BpmnModelInstance V2 = Bpmn.createExecutableProcess("essai").startEvent("Event_Started")
            .serviceTask("Task_Check").name("Vérifier").endEvent().done();

    final ProcessMigrationReasons reasons = new ProcessMigrationReasons(V1, V2, 2);

    @Test
    void anActivityGoneFromTheNewVersionIsNamedByItsLabel() {
        assertThat(reasons.atActivity("Task_Removed", ProcessMigrationReasons.NO_INSTRUCTION))
                .isEqualTo("L'instance est dans l'activité « Étape retirée » (Task_Removed), qui n'existe plus dans la version 2.");
        assertThat(reasons.atActivity("Task_Unnamed", ProcessMigrationReasons.NO_INSTRUCTION))
                .isEqualTo("L'instance est dans l'activité « Task_Unnamed », qui n'existe plus dans la version 2.");
    }

    @Test
    void anActivityThatChangedItsTypeIsSaidSo() {
        assertThat(reasons.atActivity("Task_Check", ProcessMigrationReasons.NO_INSTRUCTION))
                .isEqualTo("L'instance est dans l'activité « Vérifier » (Task_Check), qui n'est plus du même type dans la version 2.");
    }

    @Test
    void theEnginesOtherRefusalsAreTranslatedAndAnUnknownOneIsQuoted() {
        assertThat(reasons.atActivity("Task_Check", "Target activity is not asyncAfter")).isEqualTo("L'instance est dans "
                + "l'activité « Vérifier » (Task_Check) : elle attend au point de sauvegarde après cette activité, qui n'en a "
                + "plus dans la version 2.");
        assertThat(reasons.atActivity("Task_Check", "Something new\n")).isEqualTo("L'instance est dans l'activité "
                + "« Vérifier » (Task_Check) : le moteur refuse la migration (« Something new »).");
        assertThat(reasons.plan("Task_Check", "Activities have incompatible types (UserTaskActivityBehavior is not "
                + "compatible with ServiceTaskJavaDelegateActivityBehavior)")).isEqualTo("L'activité « Vérifier » "
                + "(Task_Check) : les deux versions de l'activité ne sont pas du même type.");
    }

    @Test
    void everyReasonOfOneInstanceIsGivenOnce() {
        assertThat(reasons.instance(report(List.of("Task_Removed", "Task_Removed"), List.of("Task_Check"))))
                .isEqualTo("L'instance est dans l'activité « Étape retirée » (Task_Removed), qui n'existe plus dans la "
                        + "version 2. L'instance est dans l'activité « Vérifier » (Task_Check) : elle attend au point de "
                        + "sauvegarde avant cette activité, qui n'en a plus dans la version 2.");
        assertThat(reasons.instance(report(List.of(), List.of())))
                .isEqualTo("Le moteur refuse de migrer cette instance vers la version 2.");
    }

    /** Unmapped activity instances, and transition instances waiting at a save point the target lost. */
    static MigratingProcessInstanceValidationReport report(List<String> unmapped, List<String> asyncBefore) {
        return new MigratingProcessInstanceValidationReport() {
            public String getProcessInstanceId() { return "pi"; }
            public List<String> getFailures() { return List.of(); }
            public boolean hasFailures() { return true; }
            public List<MigratingActivityInstanceValidationReport> getActivityInstanceReports() {
                return unmapped.stream().map(id -> (MigratingActivityInstanceValidationReport) new MigratingActivityInstanceValidationReport() {
                    public String getSourceScopeId() { return id; }
                    public String getActivityInstanceId() { return id + ":1"; }
                    public MigrationInstruction getMigrationInstruction() { return null; }
                    public boolean hasFailures() { return true; }
                    public List<String> getFailures() { return List.of(ProcessMigrationReasons.NO_INSTRUCTION); }
                }).toList();
            }
            public List<MigratingTransitionInstanceValidationReport> getTransitionInstanceReports() {
                return asyncBefore.stream().map(id -> (MigratingTransitionInstanceValidationReport) new MigratingTransitionInstanceValidationReport() {
                    public String getSourceScopeId() { return id; }
                    public String getTransitionInstanceId() { return id + ":2"; }
                    public MigrationInstruction getMigrationInstruction() { return null; }
                    public boolean hasFailures() { return true; }
                    public List<String> getFailures() { return List.of("Target activity is not asyncBefore"); }
                }).toList();
            }
        };
    }
}
