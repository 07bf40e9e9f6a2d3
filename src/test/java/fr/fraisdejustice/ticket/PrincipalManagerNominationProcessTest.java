package fr.fraisdejustice.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FormText;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.structure.PrincipalManagerNominations;
import fr.fraisdejustice.structure.Structures;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.TestClock;

/**
 * The « Nomination d'un gestionnaire principal » ticket through support-ticket: at once without an active gestionnaire
 * principal or with one absent for six months; otherwise announced to him, applied by the 8-day timer (moved with the
 * engine clock), or sent back to the agent by his objection.
 */
@IntegrationTest
class PrincipalManagerNominationProcessTest {

    static final String AGENT = "thomas.petit";
    static final String REASON = "L'associé gérant a changé : l'extrait Kbis joint le désigne.";

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired Tickets tickets;
    @Autowired Structures structures;
    @Autowired PrincipalManagerNominations nominations;
    @Autowired GreenMail mailServer;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    TicketFixture fixture;
    Providers.Provider manager;
    Providers.Provider member;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        init(engine);
        fixture = new TicketFixture(tickets, engine);
        manager = providers.withOwnStructure();
        member = providers.memberOf(manager);
        mailbox = new Mailbox(mailServer);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void withoutAStatedReasonTheAgentCannotNameAndNothingChanges() {
        String number = fixture.open(member, "NOMINATION_GESTIONNAIRE", member.email()).number();

        assertThatThrownBy(() -> fixture.answer(number, AGENT, "support", Map.of("ticketDecision", "NAME_MANAGER")))
                .hasMessageContaining("Indiquez le motif de la nomination")
                .satisfies(thrown -> assertThat(domainCause(thrown).errors()).extracting(p -> p.field())
                        .containsExactly("nominationReason"));
        assertThatThrownBy(() -> fixture.answer(number, AGENT, "support", Map.of("ticketDecision", "RESTART_ACTIVATION")))
                .hasMessageContaining("Renvoi du courriel d'activation");

        assertThat(process(number)).isWaitingAt(SupportTicketProcess.TASK_HANDLE);
        assertThat(structures.principalManagerOf(manager.structureId())).contains(manager.accountId());
        assertThat(nominations.pendingOf(manager.structureId())).isEmpty();
    }

    @Test
    void theAgentSeesTheMembersTheCurrentManagersLastLoginAndWhoIsToBeNamed() throws Exception {
        loggedIn(manager, Instant.parse("2026-03-02T09:15:00Z"));
        String number = fixture.open(member, "NOMINATION_GESTIONNAIRE", member.email()).number();

        JsonNode nomination = formData(number).get("nomination");

        assertThat(nomination.get("named").asText()).contains(FormText.inline(member.email()));
        assertThat(nomination.get("currentManagerLastLogin").asText()).isEqualTo("02/03/2026 10:15");
        assertThat(nomination.get("members").findValuesAsText("role")).containsExactlyInAnyOrder("Gestionnaire principal", "Utilisateur");
        assertThat(nomination.get("members").findValuesAsText("lastLogin")).contains("02/03/2026 10:15", "jamais connecté");
        assertThat(nomination.get("members").findValuesAsText("profiles")).anyMatch(p -> p.contains("Frais de justice modification"));
    }

    @Test
    void anActiveManagerIsMailedAndWithoutObjectionTheNamedMemberTakesTheRoleAfterEightDays() {
        loggedIn(manager, clock.instant().minus(Duration.ofDays(10)));
        String number = fixture.open(member, "NOMINATION_GESTIONNAIRE", member.email()).number();

        name(number);

        assertThat(process(number)).isWaitingAt("Gateway_ObjectionPeriod");
        assertThat(status(number)).isEqualTo(TicketStatus.EN_COURS);
        assertThat(structures.principalManagerOf(manager.structureId())).contains(manager.accountId());
        PrincipalManagerNominations.Pending pending = nominations.pendingOf(manager.structureId()).orElseThrow();
        assertThat(pending.namedAccountId()).isEqualTo(member.accountId());
        String date = FrenchDates.date(pending.effectiveAt());
        var mail = mailbox.awaitMatching(manager.email(), m -> Mailbox.subject(m).startsWith("Nomination d'un nouveau gestionnaire principal"));
        assertThat(Mailbox.subject(mail)).endsWith(" le " + date);
        assertThat(Mailbox.body(mail)).contains(REASON, "Je m'oppose à cette nomination", "avant le " + date,
                "/portail/fiche-structure?structure=" + manager.structureId());
        assertThat(lastStep(number).what()).isEqualTo("Nomination annoncée au gestionnaire principal en place");
        assertThat(lastStep(number).message()).contains("sera gestionnaire principal le " + date, REASON);

        clock.advance(SupportTicketProcess.OBJECTION_PERIOD.minusHours(1));
        runJobs(number);
        assertThat(structures.principalManagerOf(manager.structureId())).as("pas avant 8 jours").contains(manager.accountId());

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        var late = new Http(port).json("POST", "/api/structures/" + manager.structureId() + "/nomination-objection",
                "{\"reason\":\"Trop tard ?\"}", "Authorization", manager.basic());
        assertThat(late.statusCode()).as("le délai est écoulé").isEqualTo(409);
        runJobs(number);  // the timer
        runJobs(number);  // the nomination

        assertThat(structures.principalManagerOf(manager.structureId())).contains(member.accountId());
        assertThat(nominations.pendingOf(manager.structureId())).isEmpty();
        assertThat(status(number)).isEqualTo(TicketStatus.RESOLU);
        assertThat(process(number)).isWaitingAt("Gateway_SolutionReply", "Task_MailSolution");
        assertThat(lastStep(number).what()).isEqualTo("Gestionnaire principal nommé");
        assertThat(lastStep(number).message()).contains("ne s'y est pas opposé dans les 8 jours");
    }

    @Test
    void theManagersObjectionSendsTheTicketBackToTheAgentAndTellsTheRequester() {
        Http http = new Http(port);
        String number = fixture.open(member, "NOMINATION_GESTIONNAIRE", member.email()).number();
        name(number);  // created minutes ago, the manager counts as present: he may object
        assertThat(process(number)).isWaitingAt("Gateway_ObjectionPeriod");

        var objected = http.json("POST", "/api/structures/" + manager.structureId() + "/nomination-objection",
                "{\"reason\":\"Je suis toujours le gérant : cette demande est une erreur.\"}", "Authorization", manager.basic());

        assertThat(objected.statusCode()).as(objected.body()).isEqualTo(204);
        assertThat(process(number)).isWaitingAt(SupportTicketProcess.TASK_HANDLE);
        assertThat(status(number)).isEqualTo(TicketStatus.EN_COURS);
        assertThat(structures.principalManagerOf(manager.structureId())).contains(manager.accountId());
        assertThat(nominations.pendingOf(manager.structureId())).isEmpty();
        assertThat(lastStep(number).what()).isEqualTo("Opposition du gestionnaire principal en place");
        assertThat(lastStep(number).message()).isEqualTo("Je suis toujours le gérant : cette demande est une erreur.");
        var told = mailbox.awaitMatching(member.email(), m -> Mailbox.subject(m).contains("s'oppose à la nomination"));
        assertThat(Mailbox.body(told)).contains("cette demande est une erreur");

        clock.advance(SupportTicketProcess.OBJECTION_PERIOD.plusDays(1));
        runJobs(number);
        assertThat(structures.principalManagerOf(manager.structureId())).as("le délai ne joue plus").contains(manager.accountId());
        assertThat(process(number)).isWaitingAt(SupportTicketProcess.TASK_HANDLE);
    }

    @Test
    void aManagerAbsentForSixMonthsIsReplacedAtOnceAndTheHistorySaysWhy() {
        loggedIn(manager, clock.instant().minus(Duration.ofDays(190)));
        String number = fixture.open(member, "NOMINATION_GESTIONNAIRE", member.email()).number();

        name(number);

        assertThat(structures.principalManagerOf(manager.structureId())).contains(member.accountId());
        assertThat(status(number)).isEqualTo(TicketStatus.RESOLU);
        assertThat(process(number)).isWaitingAt("Gateway_SolutionReply", "Task_MailSolution");
        assertThat(lastStep(number).message()).contains("Effet immédiat", "ne s'est pas connecté depuis plus de six mois",
                "dernière connexion le", REASON);
        assertThat(nominations.pendingOf(manager.structureId())).isEmpty();
    }

    @Test
    void aStructureWithoutAnActiveManagerGetsTheNamedOneAtOnce() {
        jdbc.update("update membership set role = 'MANAGER' where structure_id = ? and account_id = ?",
                manager.structureId(), manager.accountId());
        String number = fixture.open(member, "NOMINATION_GESTIONNAIRE", member.email()).number();

        name(number);

        assertThat(structures.principalManagerOf(manager.structureId())).contains(member.accountId());
        assertThat(status(number)).isEqualTo(TicketStatus.RESOLU);
        assertThat(lastStep(number).message()).contains("la structure n'a pas de gestionnaire principal actif");
    }

    @Test
    void closingTheTicketDropsThePendingNomination() {
        String number = fixture.open(member, "NOMINATION_GESTIONNAIRE", member.email()).number();
        name(number);
        assertThat(nominations.pendingOf(manager.structureId())).isPresent();

        tickets.close(number, member.accountId());

        assertThat(process(number)).isNull();
        assertThat(nominations.pendingOf(manager.structureId())).isEmpty();
        assertThat(structures.principalManagerOf(manager.structureId())).contains(manager.accountId());
    }

    private void name(String number) {
        Map<String, Object> form = new HashMap<>();
        form.put("ticketDecision", "NAME_MANAGER");
        form.put("nominationReason", REASON);
        fixture.answer(number, AGENT, "support", form);
    }

    private void loggedIn(Providers.Provider who, Instant at) {
        jdbc.update("update account set last_login_at = ? where id = ?", Timestamp.from(at), who.accountId());
    }

    private ProcessInstance process(String number) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    private TicketStatus status(String number) {
        return tickets.read(number, member.accountId()).status();
    }

    private TicketHistory.Step lastStep(String number) {
        var steps = tickets.read(number, member.accountId()).history();
        return steps.get(steps.size() - 1);
    }

    private void runJobs(String number) {
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(process(number).getId())
                .executable().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    private JsonNode formData(String number) throws Exception {
        return new ObjectMapper().readTree(engine.getTaskService()
                .getVariableLocal(fixture.task(number).getId(), "ticket").toString());
    }

    /** The refusal as the listener threw it, whether or not the engine wrapped it. */
    private static DomainException domainCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DomainException e) {
                return e;
            }
        }
        throw new AssertionError("Pas de DomainException dans " + thrown);
    }
}
