package fr.fraisdejustice.staff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.fraisdejustice.jurisdiction.Jurisdiction;
import fr.fraisdejustice.jurisdiction.JurisdictionType;
import fr.fraisdejustice.jurisdiction.Jurisdictions;
import fr.fraisdejustice.memoire.MemoireLifecycleProcess;
import fr.fraisdejustice.shared.StaffGroups;
import fr.fraisdejustice.ticket.SupportTicketProcess;

/**
 * Keeps the staff groups and their Camunda authorizations in place, in every profile: the groups of each certifying
 * office (from the jurisdiction reference data), the national teams, Tasklist access for all staff, Cockpit for analysts,
 * everything for administrators, and the shared Tasklist filters. Idempotent: a restart adds only what is missing.
 */
@Component
public class StaffDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(StaffDirectory.class);
    static final String WORKFLOW = "WORKFLOW";
    static final String ANY_USER = Authorization.ANY;

    /** A variable a task card shows under the task's name, with its label. */
    record CardVariable(String name, String label) {
    }

    /**
     * What a task card shows besides its due date: short String task variables that the task listeners set
     * (memoire-lifecycle's memoireTaskForm, support-ticket's ticketTask); task-local, as Tasklist reads them with the
     * user's rights, which reach his tasks but not their processes. A card shows those its task has.
     */
    static final CardVariable MJ_NUMBER = new CardVariable("memoireNumber", "N° MJ");
    static final CardVariable TICKET_NUMBER = new CardVariable("ticketNumber", "Sollicitation");
    static final CardVariable PROVIDER = new CardVariable("providerName", "Prestataire");
    static final CardVariable AMOUNT = new CardVariable("amountInclVatLabel", "Montant TTC");
    static final CardVariable SUBJECT = new CardVariable("ticketSubject", "Objet");
    static final CardVariable DEPOSIT = new CardVariable("depositDateLabel", "Déposé le");
    static final CardVariable OPENED = new CardVariable("openedOnLabel", "Ouverte le");
    static final CardVariable CONTROL = new CardVariable("controlLevelLabel", "Contrôle");
    static final List<CardVariable> MEMOIRE_CARD = List.of(MJ_NUMBER, PROVIDER, AMOUNT, DEPOSIT, CONTROL);
    static final List<CardVariable> TICKET_CARD = List.of(TICKET_NUMBER, PROVIDER, SUBJECT, OPENED);
    static final List<CardVariable> ALL_CARDS = List.of(MJ_NUMBER, TICKET_NUMBER, PROVIDER, AMOUNT, SUBJECT, DEPOSIT,
            OPENED, CONTROL);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final Jurisdictions jurisdictions;

    StaffDirectory(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                   TaskService tasks, Jurisdictions jurisdictions) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.jurisdictions = jurisdictions;
    }

    public void ensureGroupsAndAuthorizations() {
        Set<String> existing = identity.createGroupQuery().list().stream().map(Group::getId).collect(Collectors.toSet());
        Map<String, String> wanted = wantedGroups();
        int created = 0;
        for (Map.Entry<String, String> group : wanted.entrySet()) {
            if (!existing.contains(group.getKey())) {
                Group newGroup = identity.newGroup(group.getKey());
                newGroup.setName(group.getValue());
                newGroup.setType(Groups.CAMUNDA_ADMIN.equals(group.getKey()) ? Groups.GROUP_TYPE_SYSTEM : WORKFLOW);
                identity.saveGroup(newGroup);
                created++;
            }
        }
        grantToEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grantToEveryone(Resources.FILTER, ANY_USER, Permissions.READ);
        grantToGroup(StaffGroups.ANALYSTE, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grantToGroup(StaffGroups.ANALYSTE, Resources.PROCESS_DEFINITION, ANY_USER, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE);
        grantToGroup(StaffGroups.ANALYSTE, Resources.DECISION_DEFINITION, ANY_USER, Permissions.READ, Permissions.READ_HISTORY);
        grantToGroup(StaffGroups.ANALYSTE, Resources.DEPLOYMENT, ANY_USER, Permissions.READ);
        grantToGroup(StaffGroups.ANALYSTE, Resources.PROCESS_INSTANCE, ANY_USER, Permissions.READ);
        for (Resource resource : Resources.values()) {
            grantToGroup(Groups.CAMUNDA_ADMIN, resource, ANY_USER, Permissions.ALL);
        }
        ensureFilter("Tâches de mes services", byDueDate(tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()), -10, ALL_CARDS);
        ensureFilter("Mes tâches", byDueDate(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")), -5, ALL_CARDS);
        ensureFilter("Mémoires à certifier", byDueDate(mine().taskDefinitionKey(MemoireLifecycleProcess.TASK_CERTIFY)), 0,
                MEMOIRE_CARD);
        ensureFilter("En retard", byDueDate(mine().dueBeforeExpression("${now()}")), 1, ALL_CARDS);
        ensureFilter("À taxer", byDueDate(mine().taskDefinitionKeyIn(MemoireLifecycleProcess.TASK_WRITE_REQUISITIONS,
                MemoireLifecycleProcess.TASK_ISSUE_TAXATION_ORDER, MemoireLifecycleProcess.TASK_DECIDE_APPEAL)), 2, MEMOIRE_CARD);
        ensureFilter("À ordonnancer", byDueDate(mine().taskDefinitionKey(MemoireLifecycleProcess.TASK_ORDER_PAYMENT)), 3, MEMOIRE_CARD);
        ensureFilter("Sollicitations à traiter", byDueDate(mine().taskDefinitionKey(SupportTicketProcess.TASK_HANDLE)), 5,
                TICKET_CARD);
        ensureFilter("À mettre en paiement", byDueDate(mine().taskDefinitionKey(MemoireLifecycleProcess.TASK_RELEASE_PAYMENT)),
                4, MEMOIRE_CARD);
        LOG.info("Groupes du personnel: {} attendus, {} créés", wanted.size(), created);
    }

    /** The earliest due date first (tasks without one after), then the oldest task first. */
    private static TaskQuery byDueDate(TaskQuery query) {
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
    }

    /** The tasks offered to one of the current user's groups, or assigned to him (the filters of memoire-lifecycle). */
    private TaskQuery mine() {
        return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    }

    /** Office groups first, in the order of the reference data, then the national teams and the administrators. */
    Map<String, String> wantedGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        for (Jurisdiction j : jurisdictions.all()) {
            // a cour d'appel certifies the mémoires addressed to it, and orders the payments of its ressort
            groups.put(StaffGroups.greffe(j.code()), "Greffe — " + j.name());
            groups.put(StaffGroups.parquet(j.code()), "Parquet — " + j.name());
            groups.put(StaffGroups.magistrat(j.code()), "Magistrats taxateurs — " + j.name());
            if (j.type() == JurisdictionType.COUR_APPEL) {
                groups.put(StaffGroups.sar(j.code()), "SAR — " + j.name());
            }
        }
        groups.put(StaffGroups.COMPTABLE, "Comptables (pôle Chorus)");
        groups.put(StaffGroups.SUPPORT, "Support national");
        groups.put(StaffGroups.ANALYSTE, "Analystes");
        groups.put(StaffGroups.METRIQUES, "Supervision (métriques)");
        groups.put(Groups.CAMUNDA_ADMIN, "Administrateurs");
        return groups;
    }

    private void grantToEveryone(Resource resource, String resourceId, Permission permission) {
        boolean present = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!present) {
            Authorization global = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            global.setUserId(ANY_USER);
            global.setResource(resource);
            global.setResourceId(resourceId);
            global.addPermission(permission);
            authorizations.saveAuthorization(global);
        }
    }

    private void grantToGroup(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean present = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).count() > 0;
        if (!present) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
            for (Permission permission : permissions) {
                grant.addPermission(permission);
            }
            authorizations.saveAuthorization(grant);
        }
    }

    /** Creates the shared filter, or brings an existing one back to the query and properties defined here. */
    private void ensureFilter(String name, TaskQuery query, int priority, List<CardVariable> card) {
        Filter filter = filters.createTaskFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("refresh", true);
        List<Map<String, String>> variables = new ArrayList<>();
        for (CardVariable variable : card) {
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("name", variable.name());
            shown.put("label", variable.label());
            variables.add(shown);
        }
        properties.put("variables", variables);
        filters.saveFilter(filter.setQuery(query).setProperties(properties));
    }
}
