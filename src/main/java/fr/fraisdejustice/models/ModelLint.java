package fr.fraisdejustice.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The house rules of ARCHITECTURE.md for the analysts' models, checked over a whole set of files at once (a formRef or a
 * decisionRef must name a form or decision of the set). Answers one readable line per violation, in French, starting
 * with the file's name.
 * <p>
 * Beyond the naming rules, a model may not run code of its own on the server (see {@link ModelLintExpressions}): no script
 * task, script listener, script condition or script input/output, no {@code camunda:class}, no connector, delegate
 * expressions name beans of ours only, every JUEL expression keeps to an allow-list, and DMN expressions are FEEL without
 * function definitions.
 */
public final class ModelLint {

    private static final Pattern CAMEL = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ObjectMapper json = new ObjectMapper();
    private final ModelLintExpressions expressions;

    /** @param beans the application's beans, to tell ours from the others */
    public ModelLint(ModelLintExpressions.Beans beans) {
        this.expressions = new ModelLintExpressions(beans);
    }

    /** @param files file name (as deployed: {@code bpmn/x.bpmn}) to content */
    public List<String> lint(Map<String, byte[]> files) {
        List<String> violations = new ArrayList<>();
        Set<String> formIds = new HashSet<>();
        Set<String> decisionIds = new HashSet<>();
        files.forEach((name, content) -> {
            if (name.endsWith(".form")) {
                lintForm(name, content, violations).ifPresent(formIds::add);
            } else if (name.endsWith(".dmn")) {
                decisionIds.addAll(lintDecisions(name, content, violations));
            }
        });
        files.forEach((name, content) -> {
            if (name.endsWith(".bpmn")) {
                lintProcess(name, content, formIds, decisionIds, violations);
            }
        });
        return violations;
    }

    private void lintProcess(String file, byte[] content, Set<String> formIds, Set<String> decisionIds,
                             List<String> violations) {
        if (!expressions.checkProcess(file, content, violations)) {
            return;
        }
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (RuntimeException e) {
            violations.add(file + ": BPMN illisible (" + e.getMessage() + ")");
            return;
        }
        String baseName = baseName(file);
        var processes = model.getModelElementsByType(Process.class);
        if (processes.size() != 1) {
            violations.add(file + ": doit contenir exactement un processus, en contient " + processes.size());
        }
        for (Process process : processes) {
            if (!process.getId().equals(baseName)) {
                violations.add(file + ": l'id du processus « " + process.getId() + " » doit être le nom du fichier « " + baseName + " »");
            }
            if (!KEBAB.matcher(process.getId()).matches()) {
                violations.add(file + ": l'id du processus doit être en kebab-case");
            }
            if (process.getCamundaHistoryTimeToLiveString() == null || process.getCamundaHistoryTimeToLiveString().isBlank()) {
                violations.add(file + ": le processus n'a pas de historyTimeToLive");
            }
            if (!process.isExecutable()) {
                violations.add(file + ": le processus n'est pas exécutable");
            }
        }
        for (Task task : model.getModelElementsByType(Task.class)) {
            checkId(file, task, "Task_", violations);
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            checkId(file, call, "Task_", violations);
        }
        for (SubProcess sub : model.getModelElementsByType(SubProcess.class)) {
            checkId(file, sub, "SubProcess_", violations);
        }
        for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
            checkId(file, gateway, "Gateway_", violations);
            if (gateway.getOutgoing().size() > 1) {
                for (SequenceFlow flow : gateway.getOutgoing()) {
                    if (flow.getName() == null || flow.getName().isBlank()) {
                        violations.add(file + ": le flux " + flow.getId() + " sortant de " + gateway.getId() + " n'a pas de nom");
                    }
                }
            }
        }
        for (Event event : model.getModelElementsByType(Event.class)) {
            checkId(file, event, "Event_", violations);
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            checkId(file, flow, "Flow_", violations);
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            checkSideEffect(file, task, task.getCamundaDelegateExpression(), task.getCamundaClass(), violations);
        }
        for (SendTask task : model.getModelElementsByType(SendTask.class)) {
            checkSideEffect(file, task, task.getCamundaDelegateExpression(), task.getCamundaClass(), violations);
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
                violations.add(file + ": la tâche " + task.getId() + " n'a pas de groupes candidats");
            }
            if (task.getCamundaAssignee() != null) {
                violations.add(file + ": la tâche " + task.getId() + " a un assigné en dur");
            }
            String formRef = task.getCamundaFormRef();
            if (formRef != null && !isExpression(formRef) && !formIds.contains(formRef)) {
                violations.add(file + ": la tâche " + task.getId() + " renvoie au formulaire inconnu « " + formRef + " »");
            }
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            if (task.getCamundaDelegateExpression() != null || task.getCamundaClass() != null) {
                checkDelegate(file, task, task.getCamundaDelegateExpression(), task.getCamundaClass(), violations);
            }
            String decisionRef = task.getCamundaDecisionRef();
            if (decisionRef == null && task.getCamundaDelegateExpression() == null) {
                violations.add(file + ": la tâche " + task.getId() + " n'a pas de decisionRef");
            } else if (decisionRef != null && !isExpression(decisionRef) && !decisionIds.contains(decisionRef)) {
                violations.add(file + ": la tâche " + task.getId() + " renvoie à la décision inconnue « " + decisionRef + " »");
            }
        }
    }

    /** A task implemented in Java calls one Spring bean by name, never a class the engine would instantiate itself. */
    private static void checkDelegate(String file, Activity task, String delegateExpression, String javaClass,
                                      List<String> violations) {
        if (javaClass != null) {
            return; // camunda:class is refused wherever it stands (ModelLintExpressions)
        }
        if (delegateExpression == null || !delegateExpression.matches("\\$\\{[a-zA-Z][a-zA-Z0-9]*}")) {
            violations.add(file + ": la tâche " + task.getId() + " doit appeler un bean par delegateExpression=\"${nomDuBean}\"");
        }
    }

    private static void checkSideEffect(String file, Activity task, String delegateExpression, String javaClass,
                                        List<String> violations) {
        checkDelegate(file, task, delegateExpression, javaClass, violations);
        if (!task.isCamundaAsyncBefore()) {
            violations.add(file + ": la tâche " + task.getId() + " doit être asyncBefore (point de sauvegarde)");
        }
        boolean retryCycle = task.getExtensionElements() != null
                && !task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list().isEmpty();
        if (!retryCycle) {
            violations.add(file + ": la tâche " + task.getId() + " n'a pas de cycle de reprise (failedJobRetryTimeCycle)");
        }
    }

    private static void checkId(String file, BaseElement element, String prefix, List<String> violations) {
        String id = element.getId();
        if (id == null || !id.startsWith(prefix) || !CAMEL.matcher(id.substring(prefix.length())).matches()) {
            violations.add(file + ": l'id « " + id + " » doit s'écrire " + prefix + "EnCamelCase");
        }
    }

    private Set<String> lintDecisions(String file, byte[] content, List<String> violations) {
        Set<String> ids = new HashSet<>();
        if (!expressions.checkDecisions(file, content, violations)) {
            return ids;
        }
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (RuntimeException e) {
            violations.add(file + ": DMN illisible (" + e.getMessage() + ")");
            return ids;
        }
        var decisions = model.getModelElementsByType(Decision.class);
        if (decisions.stream().noneMatch(d -> d.getId().equals(baseName(file)))) {
            violations.add(file + ": aucune décision ne porte l'id du fichier « " + baseName(file) + " »");
        }
        for (Decision decision : decisions) {
            ids.add(decision.getId());
            if (decision.getCamundaHistoryTimeToLiveString() == null) {
                violations.add(file + ": la décision " + decision.getId() + " n'a pas de historyTimeToLive");
            }
        }
        return ids;
    }

    private Optional<String> lintForm(String file, byte[] content, List<String> violations) {
        JsonNode form;
        try {
            form = json.readTree(content);
        } catch (IOException e) {
            violations.add(file + ": JSON illisible (" + e.getMessage() + ")");
            return Optional.empty();
        }
        String id = form.path("id").asText("");
        if (!id.equals(baseName(file))) {
            violations.add(file + ": l'id du formulaire « " + id + " » doit être le nom du fichier « " + baseName(file) + " »");
        }
        if (!"Camunda Platform".equals(form.path("executionPlatform").asText())) {
            violations.add(file + ": executionPlatform doit être « Camunda Platform » (Camunda 7)");
        }
        checkComponents(file, form.path("components"), violations);
        return Optional.of(id);
    }

    private static void checkComponents(String file, JsonNode components, List<String> violations) {
        for (JsonNode component : components) {
            if (component.path("id").asText("").isBlank()) {
                violations.add(file + ": un composant n'a pas d'id");
            }
            // an expression is computed from the fields, not typed: it has no label; a date has its dateLabel
            if (component.has("key") && !"expression".equals(component.path("type").asText())
                    && component.path("label").asText("").isBlank() && component.path("dateLabel").asText("").isBlank()) {
                violations.add(file + ": le champ « " + component.path("key").asText() + " » n'a pas de libellé");
            }
            checkComponents(file, component.path("components"), violations);
        }
    }

    private static boolean isExpression(String value) {
        return value.startsWith("${") || value.startsWith("#{");
    }

    private static String baseName(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.substring(0, name.lastIndexOf('.'));
    }

    /** The bean names that the models' tasks and listeners call with {@code ${name}}. */
    public static java.util.SortedSet<String> delegateBeans(java.util.Map<String, byte[]> files) {
        java.util.SortedSet<String> beans = new java.util.TreeSet<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("delegateExpression=\"\\$\\{([a-zA-Z][a-zA-Z0-9]*)}\"").matcher("");
        files.forEach((name, content) -> {
            if (name.endsWith(".bpmn")) {
                matcher.reset(new String(content, java.nio.charset.StandardCharsets.UTF_8));
                while (matcher.find()) {
                    beans.add(matcher.group(1));
                }
            }
        });
        return beans;
    }
}
