package fr.fraisdejustice.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryProperty;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.fraisdejustice.jurisdiction.Jurisdiction;
import fr.fraisdejustice.jurisdiction.JurisdictionType;
import fr.fraisdejustice.jurisdiction.Jurisdictions;
import fr.fraisdejustice.shared.StaffGroups;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.OfficeTaskProcess;

@IntegrationTest
class StaffDirectoryTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    TaskService tasks;

    @Autowired
    FilterService filters;

    @Autowired
    StaffDirectory directory;

    @Autowired
    DevelopmentStaff developmentStaff;

    @Autowired
    Jurisdictions jurisdictions;

    OfficeTaskProcess process;

    @BeforeEach
    void deployTestProcess() {
        init(engine);
        process = new OfficeTaskProcess(engine).deploy();
    }

    @AfterEach
    void cleanUp() {
        identity.clearAuthentication();
        process.undeploy();
    }

    @Test
    void everyCertifyingOfficeHasItsGroups() {
        Set<String> groups = identity.createGroupQuery().list().stream().map(Group::getId).collect(Collectors.toSet());
        for (Jurisdiction j : jurisdictions.all()) {
            assertThat(groups).contains("greffe-" + j.code(), "parquet-" + j.code(), "magistrat-" + j.code());
            if (j.type() == JurisdictionType.COUR_APPEL) {
                assertThat(groups).contains("sar-" + j.code());
            }
        }
        assertThat(groups).contains("comptable", "support", "analyste", Groups.CAMUNDA_ADMIN);
        assertThat(identity.createGroupQuery().groupId("greffe-TJ75101").singleResult().getName())
                .isEqualTo("Greffe — Tribunal judiciaire de Paris");
    }

    @Test
    void seedingAgainChangesNothing() {
        long groups = identity.createGroupQuery().count();
        long users = identity.createUserQuery().count();
        long grants = authorizations.createAuthorizationQuery().count();

        directory.ensureGroupsAndAuthorizations();
        developmentStaff.ensureMembers();

        assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
    }

    @Test
    void theDevelopmentStaffLogInWithTheReadmePasswordsAndBelongToTheirGroups() {
        for (DevelopmentStaff.Member member : DevelopmentStaff.MEMBERS) {
            assertThat(identity.checkPassword(member.id(), member.password())).as(member.id()).isTrue();
            assertThat(identity.createGroupQuery().groupMember(member.id()).list())
                    .extracting(Group::getId).containsAll(member.groups());
        }
    }

    @Test
    void aClerkSeesOnlyTheTasksOfHisOwnOffice() {
        ProcessInstance paris = process.start("MJ0000000001", StaffGroups.greffe("TJ75101"));
        ProcessInstance lyon = process.start("MJ0000000002", StaffGroups.greffe("TJ69383"));
        assertThat(paris).isWaitingAt("Task_CheckMemoire").task().hasCandidateGroup("greffe-TJ75101");
        assertThat(lyon).isWaitingAt("Task_CheckMemoire").task().hasCandidateGroup("greffe-TJ69383");

        assertThat(visibleTo("camille.martin")).extracting(Task::getProcessInstanceId).containsExactly(paris.getId());
        assertThat(visibleTo("amelie.robert")).extracting(Task::getProcessInstanceId).containsExactly(lyon.getId());
        assertThat(visibleTo("isabelle.richard")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSharedFiltersShowWhatAClerkScansForAndPutTheEarliestDueDateFirst() {
        Filter certification = filters.createTaskFilterQuery().filterName("Mémoires à certifier").singleResult();
        assertThat((List<Map<String, String>>) certification.getProperties().get("variables"))
                .extracting(v -> v.get("name") + " = " + v.get("label"))
                .containsExactly("memoireNumber = N° MJ", "providerName = Prestataire", "amountInclVatLabel = Montant TTC",
                        "depositDateLabel = Déposé le", "controlLevelLabel = Contrôle");
        Filter tickets = filters.createTaskFilterQuery().filterName("Sollicitations à traiter").singleResult();
        assertThat((List<Map<String, String>>) tickets.getProperties().get("variables")).extracting(v -> v.get("name"))
                .containsExactly("ticketNumber", "providerName", "ticketSubject", "openedOnLabel");

        for (String name : List.of("Tâches de mes services", "Mes tâches", "Mémoires à certifier", "En retard", "À taxer",
                "À ordonnancer", "À mettre en paiement", "Sollicitations à traiter")) {
            Filter filter = filters.createTaskFilterQuery().filterName(name).singleResult();
            assertThat(((TaskQueryImpl) filter.getQuery()).getOrderingProperties()).as(filter.getName())
                    .extracting(o -> o.getQueryProperty().getName() + " " + o.getDirection().getName())
                    .containsExactly(TaskQueryProperty.DUE_DATE.getName() + " asc",
                            TaskQueryProperty.CREATE_TIME.getName() + " asc");
        }
    }

    private List<Task> visibleTo(String user) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            return tasks.createTaskQuery().processDefinitionKey(OfficeTaskProcess.KEY).list();
        } finally {
            identity.clearAuthentication();
        }
    }
}
