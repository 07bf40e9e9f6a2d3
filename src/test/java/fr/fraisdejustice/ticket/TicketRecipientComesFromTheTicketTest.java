package fr.fraisdejustice.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * The ticket's candidate group comes from its row, whatever wrote the process variable {@code recipientGroup}: the
 * next Task_HandleTicket goes to the ticket's recipient.
 */
@IntegrationTest
class TicketRecipientComesFromTheTicketTest {

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired Tickets tickets;

    @Test
    void aRecipientGroupWrittenIntoTheProcessIsReplacedByTheTicketsWhenTheTaskComesBack() {
        TicketFixture fixture = new TicketFixture(tickets, engine);
        Providers.Provider requester = providers.withOwnStructure();
        String number = fixture.open(requester, "MANDAT_FACTURATION", null).number();
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult().getId();
        fixture.answer(number, "thomas.petit", "support",
                Map.of("ticketDecision", "INFORMATION", "answer", "Quel est le libellé du mandat ?"));

        engine.getRuntimeService().setVariable(instance, "recipientGroup", "greffe-TJ69383");
        tickets.provideInformation(number, "Mandat 2026", requester.accountId());

        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_HandleTicket");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(g -> g != null).collect(Collectors.toList()))
                .containsExactly("support");
        assertThat(engine.getRuntimeService().getVariable(instance, "recipientGroup")).isEqualTo("support");
    }
}
