package fr.fraisdejustice.memoire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Who handles or handled a mémoire: the candidate groups of the current and past user tasks of its memoire-lifecycle
 * instance. A current task answers with its identity links as they stand; a past one (the engine keeps task instances
 * at history level audit, not their identity links) with the candidate groups of its BPMN definition, whose
 * {@code ${variable}} parts are the routing variables the process carried (certifyingOffice, courAppel), read from its
 * history. A group that cannot be resolved that way is left out: the rule errs on refusing.
 */
@Component
class MemoireHandlers {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    private final HistoryService history;
    private final TaskService tasks;
    private final RepositoryService repository;

    MemoireHandlers(HistoryService history, TaskService tasks, RepositoryService repository) {
        this.history = history;
        this.tasks = tasks;
        this.repository = repository;
    }

    /** The candidate groups of the mémoire's current and past tasks; empty before its routing or if it has no process. */
    Set<String> groups(String mjNumber) {
        Set<String> groups = new HashSet<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(MemoireLifecycleProcess.KEY).processInstanceBusinessKey(mjNumber).list()) {
            List<HistoricTaskInstance> taskInstances = history.createHistoricTaskInstanceQuery()
                    .processInstanceId(instance.getId()).list();
            if (taskInstances.isEmpty()) {
                continue;
            }
            BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
            List<String> pastExpressions = new ArrayList<>();
            for (HistoricTaskInstance task : taskInstances) {
                if (task.getEndTime() == null) {
                    tasks.getIdentityLinksForTask(task.getId()).stream()
                            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                            .map(IdentityLink::getGroupId).forEach(groups::add);
                } else if (model.getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask definition
                        && definition.getCamundaCandidateGroups() != null) {
                    for (String group : definition.getCamundaCandidateGroups().split(",")) {
                        pastExpressions.add(group.trim());
                    }
                }
            }
            if (!pastExpressions.isEmpty()) {
                Map<String, Object> variables = variables(instance.getId(), pastExpressions);
                pastExpressions.forEach(expression -> resolve(expression, variables).ifPresent(groups::add));
            }
        }
        return groups;
    }

    /** The process-scope values of the variables these expressions name, as the history kept them last. */
    private Map<String, Object> variables(String processInstanceId, List<String> expressions) {
        Set<String> names = new HashSet<>();
        for (String expression : expressions) {
            Matcher matcher = VARIABLE.matcher(expression);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        Map<String, Object> values = new HashMap<>();
        if (names.isEmpty()) {
            return values;
        }
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableNameIn(names.toArray(String[]::new)).list()) {
            if (processInstanceId.equals(variable.getExecutionId()) && variable.getValue() != null) {
                values.put(variable.getName(), variable.getValue());
            }
        }
        return values;
    }

    /** « greffe-${certifyingOffice} » with certifyingOffice = TJ75101 → greffe-TJ75101; nothing if anything else is left. */
    static Optional<String> resolve(String expression, Map<String, Object> variables) {
        Matcher matcher = VARIABLE.matcher(expression);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            Object value = variables.get(matcher.group(1));
            if (value == null) {
                return Optional.empty();
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value.toString()));
        }
        matcher.appendTail(resolved);
        String group = resolved.toString();
        return group.isBlank() || group.contains("${") || group.contains("#{") ? Optional.empty()
                : Optional.of(group);
    }
}
