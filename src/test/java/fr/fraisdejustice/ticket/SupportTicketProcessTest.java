package fr.fraisdejustice.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.memoire.SentMemoireFixture;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FormText;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.TestClock;

/** Every path of bpmn/support-ticket.bpmn, with the 15-day timers moved by the engine clock. */
@IntegrationTest
class SupportTicketProcessTest {

    static final String AGENT = "thomas.petit";

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired Tickets tickets;
    @Autowired GreenMail mailServer;
    @Autowired TestClock clock;
    @Autowired ApplicationContext context;
    @LocalServerPort int port;

    TicketFixture fixture;
    Providers.Provider requester;

    @BeforeEach
    void setUp() {
        init(engine);
        fixture = new TicketFixture(tickets, engine);
        requester = providers.withOwnStructure();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ProcessInstance process(String number) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    String endOf(String number) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult().getEndActivityId();
    }

    /** Whether the ended or running ticket's process went through this activity. */
    boolean passed(String number, String activityId) {
        String instance = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult().getId();
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(activityId).count() > 0;
    }

    TicketStatus status(String number) {
        return tickets.read(number, requester.accountId()).status();
    }

    void runJobs(String number) {
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(process(number).getId())
                .executable().list()) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    @Test
    void theSupportClaimsAnswersWithASolutionTheRequesterIsMailedAndAcceptsIt() throws Exception {
        String number = fixture.open(requester, "DEBLOCAGE_COMPTE", requester.email()).number();
        assertThat(process(number)).isWaitingAt("Task_HandleTicket").task().hasCandidateGroup("support");
        assertThat(status(number)).isEqualTo(TicketStatus.OUVERT);

        fixture.answer(number, AGENT, "support", Map.of("ticketDecision", "SOLUTION", "answer", "Votre compte est débloqué."));

        assertThat(status(number)).isEqualTo(TicketStatus.RESOLU);
        assertThat(process(number)).isWaitingAt("Gateway_SolutionReply", "Task_MailSolution");
        runJobs(number);
        assertThat(new Mailbox(mailServer).to(requester.email())).extracting(Mailbox::subject)
                .contains("Sollicitation " + number + " : une solution vous est proposée");

        tickets.accept(number, requester.accountId());

        assertThat(status(number)).isEqualTo(TicketStatus.CLOTURE);
        assertThat(process(number)).isNull();
        assertThat(endOf(number)).isEqualTo("Event_TicketResolved");
        assertThat(tickets.read(number, requester.accountId()).history()).extracting(TicketHistory.Step::what)
                .containsExactly("Brouillon enregistré", "Sollicitation envoyée", "Prise en charge", "Solution proposée",
                        "Solution acceptée");
    }

    @Test
    void aRefusedSolutionGoesBackToTheAgentAndInformationIsAskedThenGiven() {
        String number = fixture.open(requester, "MANDAT_FACTURATION", null).number();
        fixture.answer(number, AGENT, "support", Map.of("ticketDecision", "SOLUTION", "answer", "Générez un nouveau mandat."));

        assertThatThrownBy(() -> tickets.refuse(number, " ", requester.accountId())).isInstanceOf(DomainException.class);
        tickets.refuse(number, "Le lien a expiré.", requester.accountId());
        assertThat(process(number)).isWaitingAt("Task_HandleTicket");
        assertThat(status(number)).isEqualTo(TicketStatus.EN_COURS);

        fixture.answer(number, AGENT, "support", Map.of("ticketDecision", "INFORMATION", "answer", "Quel est le libellé du mandat ?"));
        assertThat(status(number)).isEqualTo(TicketStatus.ACTION_REQUISE);
        assertThat(tickets.list(Tickets.View.ACTIONS_REQUIRED, Tickets.Filter.NONE, requester.accountId())).extracting(Tickets.TicketView::number)
                .contains(number);

        tickets.provideInformation(number, "Mandat 2026", requester.accountId());
        assertThat(process(number)).isWaitingAt("Task_HandleTicket");
        fixture.answer(number, AGENT, "support", Map.of("ticketDecision", "SOLUTION", "answer", "Le mandat est régénéré."));
        tickets.accept(number, requester.accountId());
        runJobs(number);  // the mails that told the requester, which the process waits for before it ends
        assertThat(process(number)).isNull();
        assertThat(passed(number, "Event_TicketResolved")).isTrue();
    }

    @Test
    void aTicketAboutAMemoireGoesToItsGreffeWhichTransfersItToTheSupport() throws Exception {
        SentMemoireFixture.Sent sent = SentMemoireFixture.send(context, port);
        requester = sent.manager();
        String number = fixture.open(requester, "SUIVI_MEMOIRE", sent.mjNumber()).number();
        assertThat(tickets.read(number, requester.accountId()).recipient()).isEqualTo("SERVICE_METIER");
        assertThat(process(number)).isWaitingAt("Task_HandleTicket").task().hasCandidateGroup("greffe-TJ75101");

        fixture.answer(number, "camille.martin", "greffe-TJ75101", Map.of("ticketDecision", "TRANSFER"));

        assertThat(process(number)).isWaitingAt("Task_HandleTicket").task().hasCandidateGroup("support");
        assertThat(status(number)).isEqualTo(TicketStatus.OUVERT);
        assertThatThrownBy(() -> fixture.answer(number, "amelie.robert", "greffe-TJ69383", Map.of("ticketDecision", "SOLUTION")))
                .hasMessageContaining("ne voit pas");
    }

    @Test
    void fifteenDaysWithoutTheRequestersAnswerCloseTheTicketWithAMail() {
        String afterSolution = fixture.open(requester, "RATTACHEMENT", null).number();
        String afterQuestion = fixture.open(requester, "COORDONNEES_BANCAIRES", null).number();
        fixture.answer(afterSolution, AGENT, "support", Map.of("ticketDecision", "SOLUTION", "answer", "C'est fait."));
        fixture.answer(afterQuestion, AGENT, "support", Map.of("ticketDecision", "INFORMATION", "answer", "Quel IBAN ?"));
        runJobs(afterSolution);
        runJobs(afterQuestion);

        clock.advance(Duration.ofDays(15).plusMinutes(1));
        for (String number : List.of(afterSolution, afterQuestion)) {
            runJobs(number);  // the timer
            runJobs(number);  // the closing and its mail
            assertThat(endOf(number)).isEqualTo("Event_ClosedUnanswered");
            assertThat(status(number)).isEqualTo(TicketStatus.CLOTURE);
        }
        assertThat(new Mailbox(mailServer).to(requester.email())).extracting(Mailbox::subject)
                .contains("Sollicitation " + afterSolution + " clôturée", "Sollicitation " + afterQuestion + " clôturée");
    }

    @Test
    void theRequesterClosesAtAnyTimeOnceAndCanNoLongerAct() {
        String number = fixture.open(requester, "DEPOT_FLUX", null).number();

        tickets.close(number, requester.accountId());

        assertThat(process(number)).isNull();
        assertThat(passed(number, "Event_TicketClosed")).isTrue();
        assertThatThrownBy(() -> tickets.close(number, requester.accountId()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("TICKET_CLOSED"));
        assertThatThrownBy(() -> tickets.provideInformation(number, "Encore moi", requester.accountId()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("TICKET_CLOSED"));
    }

    @Test
    void fromAnActivationTicketTheAgentRestartsTheAccountsActivation() {
        Providers.Provider pending = providers.pendingMemberOf(requester);
        String number = fixture.open(requester, "RENVOI_ACTIVATION", pending.email()).number();
        new Mailbox(mailServer).clear();

        fixture.answer(number, AGENT, "support", Map.of("ticketDecision", "RESTART_ACTIVATION"));

        assertThat(status(number)).isEqualTo(TicketStatus.RESOLU);
        var activation = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("account-activation")
                .processInstanceBusinessKey(pending.accountId().toString()).singleResult();
        assertThat(activation).isNotNull();
        assertThat(tickets.read(number, requester.accountId()).history().get(3).message()).contains("nouveau lien d'activation");
    }

    @Test
    void theAccountActionsAreOfferedToTheSupportOnlyForTheTicketThatAsksForThemAndRefusedToAGreffe() throws Exception {
        SentMemoireFixture.Sent sent = SentMemoireFixture.send(context, port);
        String aboutMemoire = fixture.open(sent.manager(), "SUIVI_MEMOIRE", sent.mjNumber()).number();
        String activation = fixture.open(requester, "RENVOI_ACTIVATION", providers.pendingMemberOf(requester).email()).number();

        assertThat(formData(aboutMemoire).get("decisions").findValuesAsText("value"))
                .containsExactly("SOLUTION", "INFORMATION", "TRANSFER");
        assertThat(formData(activation).get("decisions").findValuesAsText("value"))
                .containsExactly("SOLUTION", "INFORMATION", "RESTART_ACTIVATION");
        assertThatThrownBy(() -> fixture.answer(aboutMemoire, "camille.martin", "greffe-TJ75101",
                Map.of("ticketDecision", "RESTART_ACTIVATION")))
                .hasMessageContaining("reviennent au support national");
        assertThat(engine.getTaskService().getVariablesLocal(fixture.task(aboutMemoire).getId()))
                .containsEntry("ticketNumber", aboutMemoire).containsEntry("ticketSubject", "Suivi du traitement d'un mémoire")
                .containsKeys("providerName", "openedOnLabel");
    }

    @Test
    void theFormShowsTheHistoryWithDatesAndAgentsAndTheRequestersTextEscaped() throws Exception {
        String number = tickets.create(new SupportTicket.Request("RATTACHEMENT", null, requester.structureId(),
                requester.email(), null, "Voir [ici](https://exemple.invalid)", "**Urgent**\n<b>merci</b>"), false,
                requester.accountId()).number();
        fixture.answer(number, AGENT, "support", Map.of("ticketDecision", "INFORMATION", "answer", "Quel compte ?"));
        tickets.provideInformation(number, "Le compte jean@exemple.invalid", requester.accountId());

        JsonNode form = formData(number);

        assertThat(form.get("title").asText()).isEqualTo(FormText.inline("Voir [ici](https://exemple.invalid)"))
                .doesNotContain("[", "](", "://");
        assertThat(form.get("description").asText()).isEqualTo("&#42;&#42;Urgent&#42;&#42;<br>&#60;b&#62;merci&#60;&#47;b&#62;");
        JsonNode history = form.get("history");
        assertThat(history.findValuesAsText("at")).allSatisfy(at -> assertThat(at).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}"));
        assertThat(history.findValuesAsText("actor")).contains("Support national (thomas&#46;petit)");
        assertThat(history.findValuesAsText("message")).contains("Le compte jean&#64;exemple&#46;invalid");
    }

    /** The ticket as the handle-ticket form of its current task receives it. */
    private JsonNode formData(String number) throws Exception {
        return new ObjectMapper().readTree(engine.getTaskService().getVariableLocal(fixture.task(number).getId(), "ticket").toString());
    }

    @Test
    void aSolutionWithoutItsTextIsRefusedAndNothingChanges() {
        String number = fixture.open(requester, "DEBLOCAGE_COMPTE", requester.email()).number();

        assertThatThrownBy(() -> fixture.answer(number, AGENT, "support", Map.of("ticketDecision", "SOLUTION")))
                .hasMessageContaining("Rédigez la solution");

        assertThat(process(number)).isWaitingAt("Task_HandleTicket");
        assertThat(status(number)).as("pris en charge, sans réponse").isEqualTo(TicketStatus.EN_COURS);
    }
}
