package fr.fraisdejustice.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

/**
 * The engine's migration refusals (English sentences of its validators) said in French, naming each activity by its
 * label. A refusal this class does not know yet is still shown, quoted, inside a French sentence.
 */
final class ProcessMigrationReasons {

    /** The engine's refusal of an instance waiting in an activity that the plan does not map. */
    static final String NO_INSTRUCTION = "There is no migration instruction for this instance's activity";

    /** Where the instance waits (« l'activité « Valider » ») → what the engine refuses there, in French. */
    private static final Map<String, String> INSTANCE_FAILURES = new LinkedHashMap<>();

    static {
        INSTANCE_FAILURES.put("The type of the source activity is not supported",
                "le moteur ne sait pas migrer une instance arrêtée sur ce type d'activité");
        INSTANCE_FAILURES.put("Target activity is not asyncBefore",
                "elle attend au point de sauvegarde avant cette activité, qui n'en a plus dans la version %d");
        INSTANCE_FAILURES.put("Target activity is not asyncAfter",
                "elle attend au point de sauvegarde après cette activité, qui n'en a plus dans la version %d");
        INSTANCE_FAILURES.put("Transition instance is assigned to no sequence flow",
                "elle attend après cette activité, qui a plusieurs sorties dans la version %d");
        INSTANCE_FAILURES.put("Transition instance is assigned to a sequence flow",
                "elle attend après cette activité, et la sortie qu'elle allait prendre n'existe plus dans la version %d");
        INSTANCE_FAILURES.put("The target gateway must have at least the same number of incoming",
                "cette porte de jonction a moins d'arrivées dans la version %d");
        INSTANCE_FAILURES.put("Cannot remove the inner activity of a multi-instance body",
                "cette activité multiple ne peut pas perdre son activité intérieure");
        INSTANCE_FAILURES.put("Must map the inner activity of a multi-instance body",
                "cette activité multiple doit garder son activité intérieure");
        INSTANCE_FAILURES.put("Conditional event has to migrate with update event trigger",
                "cet événement conditionnel doit être mis à jour par la migration");
        INSTANCE_FAILURES.put("A transition instance that instantiates the process",
                "elle attend à son démarrage, qui ne peut aller que vers une activité de premier niveau");
    }

    /** Plan refusals (one per mapped activity), by the start of the engine's sentence. */
    private static final Map<String, String> PLAN_FAILURES = new LinkedHashMap<>();

    static {
        PLAN_FAILURES.put("Activities have incompatible types", "les deux versions de l'activité ne sont pas du même type");
        PLAN_FAILURES.put("Events are not of the same type", "les deux versions de l'événement ne sont pas du même type");
        PLAN_FAILURES.put("Cannot update event trigger", "l'activité n'a pas de déclencheur à mettre à jour");
        PLAN_FAILURES.put("The target gateway must have at least the same number of incoming",
                "la porte de jonction a moins d'arrivées dans la nouvelle version");
        PLAN_FAILURES.put("Conditional event has to migrate with update event trigger",
                "l'événement conditionnel doit être mis à jour par la migration");
    }

    private final BpmnModelInstance sourceModel;
    private final BpmnModelInstance targetModel;
    private final int targetVersion;

    ProcessMigrationReasons(BpmnModelInstance sourceModel, BpmnModelInstance targetModel, int targetVersion) {
        this.sourceModel = sourceModel;
        this.targetModel = targetModel;
        this.targetVersion = targetVersion;
    }

    /** Why this instance stays on its version: every reason the engine gives, in one French text. */
    String instance(MigratingProcessInstanceValidationReport report) {
        List<String> reasons = new ArrayList<>();
        report.getActivityInstanceReports().forEach(r -> r.getFailures()
                .forEach(failure -> reasons.add(atActivity(r.getSourceScopeId(), failure))));
        report.getTransitionInstanceReports().forEach(r -> r.getFailures()
                .forEach(failure -> reasons.add(atActivity(r.getSourceScopeId(), failure))));
        report.getFailures().forEach(failure -> reasons.add(unknown(failure)));
        return reasons.isEmpty()
                ? "Le moteur refuse de migrer cette instance vers la version " + targetVersion + "."
                : String.join(" ", reasons.stream().distinct().toList());
    }

    /** One refusal of the engine at the activity where the instance is. */
    String atActivity(String activityId, String failure) {
        String activity = "l'activité " + label(sourceModel, activityId);
        if (failure.startsWith(NO_INSTRUCTION)) {
            boolean stillThere = targetModel.getModelElementById(activityId) != null;
            return "L'instance est dans " + activity + (stillThere
                    ? ", qui n'est plus du même type dans la version " + targetVersion + "."
                    : ", qui n'existe plus dans la version " + targetVersion + ".");
        }
        return "L'instance est dans " + activity + " : " + known(INSTANCE_FAILURES, failure) + ".";
    }

    /** A refusal of the plan for one pair of activities. */
    String plan(String sourceActivityId, String failure) {
        return "L'activité " + label(sourceModel, sourceActivityId) + " : " + known(PLAN_FAILURES, failure) + ".";
    }

    private String known(Map<String, String> translations, String failure) {
        return translations.entrySet().stream().filter(e -> failure.startsWith(e.getKey()))
                .map(e -> e.getValue().formatted(targetVersion)).findFirst()
                .orElseGet(() -> "le moteur refuse la migration (« " + failure.strip() + " »)");
    }

    private static String unknown(String failure) {
        return "Le moteur refuse la migration (« " + failure.strip() + " »).";
    }

    /** « Valider la demande » (Task_Validate), or the bare id when the activity has no label of its own. */
    static String label(BpmnModelInstance model, String activityId) {
        if (activityId == null) {
            return "inconnue";
        }
        FlowElement element = model.getModelElementById(activityId) instanceof FlowElement flowElement ? flowElement : null;
        String name = element == null ? null : element.getName();
        return name == null || name.isBlank() || name.strip().equals(activityId)
                ? "« " + activityId + " »" : "« " + name.strip() + " » (" + activityId + ")";
    }
}
