package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.TestClock;

/** Every path of bpmn/memoire-lifecycle.bpmn, on real mémoires, with the engine clock moved for the timers. */
@IntegrationTest
class MemoireLifecycleProcessTest {

    static final String CLERK = "camille.martin";
    static final String GREFFE = "greffe-TJ75101";

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired MandateSignature mandates;
    @Autowired MemoireDrafts drafts;
    @Autowired MemoireAttachments attachments;
    @Autowired MemoireSubmission submission;
    @Autowired ProviderActions actions;
    @Autowired ObjectMapper json;
    @Autowired GreenMail mailServer;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    SentMemoires sent;

    @BeforeEach
    void setUp() throws IOException {
        init(engine);
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, new Http(port), json);
        ready.signMandate(engine, mandates, mailServer);
        sent = new SentMemoires(ready, drafts, attachments, submission, engine);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ProcessInstance process(String mj) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(mj).singleResult();
    }

    MemoireView view(String mj) {
        return drafts.read(mj, sent.ready().manager().accountId());
    }

    List<MemoireStatus> statuses(String mj) {
        return view(mj).history().stream().map(MemoireHistory.Step::status).toList();
    }

    void pay(String mj) {
        sent.complete(mj, TaskDecisionListener.ORDER_PAYMENT, "nicolas.thomas", "sar-CA_PARIS", Map.of("paymentOrdered", true));
        sent.complete(mj, TaskDecisionListener.RELEASE_PAYMENT, "isabelle.richard", "comptable",
                Map.of("paymentDate", "2026-11-30", "paidAmount", view(mj).grantedAmount()));
    }

    @Test
    void aTariffedMemoireIsRoutedToTheGreffeCertifiedWithACorrectionOrderedAndPaid() throws Exception {
        String mj = sent.tariffed();
        String instanceId = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(mj)
                .singleResult().getId();
        assertThat(process(mj)).isWaitingAt("Task_CertifyMemoire").task()
                .hasCandidateGroup(GREFFE).hasName("Certifier le mémoire " + mj);
        assertThat(process(mj)).variables().containsEntry("certifyingOffice", "TJ75101")
                .containsEntry("courAppel", "CA_PARIS").containsEntry("track", "CERTIFICATION").containsEntry("controlLevel", "FORMAL");
        assertThat(view(mj).status()).isEqualTo(MemoireStatus.MIS_A_DISPOSITION);
        assertThat(engine.getTaskService().getVariableLocal(sent.task(mj, "Task_CertifyMemoire").getId(), "memoire").toString())
                .contains(mj, "Traduction écrite", "requisition&#46;pdf", "/api/staff/memoires/" + mj + "/attachments/");

        sent.complete(mj, "Task_CertifyMemoire", CLERK, GREFFE, Map.of("certificationDecision", "CERTIFIER",
                "corrections", SpinValues.jsonValue("[{\"line\": 1, \"exclVat\": 75, \"reason\": \"3 pages et non 4\"}]").create()));

        MemoireView certified = view(mj);
        assertThat(certified.status()).isEqualTo(MemoireStatus.CERTIFIE);
        assertThat(certified.grantedAmount()).isEqualByComparingTo("90.00");
        assertThat(certified.statusReason()).contains("ligne 1 (3 pages et non 4)");
        assertThat(process(mj)).isWaitingAt("Task_OrderPayment").task().hasCandidateGroup("sar-CA_PARIS");

        pay(mj);

        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult().getEndActivityId()).isEqualTo("Event_MemoirePaid");
        MemoireView paid = view(mj);
        assertThat(paid.status()).isEqualTo(MemoireStatus.MIS_EN_PAIEMENT);
        assertThat(paid.paidAmount()).isEqualByComparingTo("90.00");
        assertThat(statuses(mj)).containsExactly(MemoireStatus.BROUILLON, MemoireStatus.DEPOSE,
                MemoireStatus.MIS_A_DISPOSITION, MemoireStatus.CERTIFIE, MemoireStatus.MANDATE, MemoireStatus.MIS_EN_PAIEMENT);
        assertThat(paid.history().get(3).actor()).isEqualTo("Greffe — Tribunal judiciaire de Paris");

        List<String> subjects = new Mailbox(mailServer).awaitSubjects(sent.ready().manager().email(),
                        "Mémoire " + mj + " : Mis à disposition", "Mémoire " + mj + " : Certifié",
                        "Mémoire " + mj + " : Mandaté", "Mémoire " + mj + " : Mis en paiement").stream()
                .map(Mailbox::subject).filter(subject -> subject.startsWith("Mémoire " + mj)).toList();
        assertThat(subjects).as("chaque courriel part une fois").containsExactlyInAnyOrder(
                "Mémoire " + mj + " : Mis à disposition", "Mémoire " + mj + " : Certifié",
                "Mémoire " + mj + " : Mandaté", "Mémoire " + mj + " : Mis en paiement");
    }

    @Test
    void sendingStopsAtTheSavePointAfterTheRoutingAndItsJobPreparesTheClerksTask() {
        String draft = sent.draft(fr.fraisdejustice.structure.ProviderCategory.INTERPRETE_TRADUCTEUR,
                List.of(SentMemoires.SMALL_TARIFFED));
        String mj = submission.submit(draft, true, false, sent.ready().manager().accountId()).number();

        assertThat(process(mj)).isWaitingAt("Task_RouteMemoire").hasPassed("Task_RouteMemoire");
        assertThat(view(mj).status()).isEqualTo(MemoireStatus.MIS_A_DISPOSITION);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(mj).count()).isZero();

        SentMemoires.prepareTasks(engine, mj);

        assertThat(process(mj)).isWaitingAt("Task_CertifyMemoire");
    }

    @Test
    void aComplementIsAskedThenGivenAndTheMemoireGoesBackToTheClerk() {
        String mj = sent.tariffed();
        sent.complete(mj, "Task_CertifyMemoire", CLERK, GREFFE,
                Map.of("certificationDecision", "COMPLEMENT", "complementRequest", "Joignez l'attestation de mission."));
        assertThat(process(mj)).isWaitingAt("Event_MemoireCompleted");
        assertThat(view(mj).status()).isEqualTo(MemoireStatus.SUSPENDU);
        assertThat(view(mj).availableActions()).containsExactly("COMPLETER", "DUPLIQUER");

        actions.complete(mj, "Attestation jointe.", sent.ready().manager().accountId());

        assertThat(process(mj)).isWaitingAt("Task_CertifyMemoire");
        assertThat(view(mj).status()).isEqualTo(MemoireStatus.COMPLETE);
        sent.complete(mj, "Task_CertifyMemoire", CLERK, GREFFE, Map.of("certificationDecision", "CERTIFIER"));
        assertThat(view(mj).status()).isEqualTo(MemoireStatus.CERTIFIE);
        assertThat(view(mj).grantedAmount()).isEqualByComparingTo("120.00");
    }

    @Test
    void aRefusedMemoireIsDuplicatedIntoANewDraftWithItsLinesAndAttachments() {
        String mj = sent.tariffed();
        sent.complete(mj, "Task_CertifyMemoire", CLERK, GREFFE, Map.of("certificationDecision", "REFUSER",
                "refusalReason", "PIECES_MANQUANTES", "comment", "La réquisition est illisible."));
        assertThat(process(mj)).isWaitingAt("Gateway_AfterRefusal");
        assertThat(view(mj).statusReason()).isEqualTo("Pièces justificatives manquantes ou illisibles — La réquisition est illisible.");

        MemoireView copy = actions.duplicate(mj, sent.ready().manager().accountId());

        assertThat(copy.status()).isEqualTo(MemoireStatus.BROUILLON);
        assertThat(copy.number()).startsWith("TMP");
        assertThat(copy.duplicateOf()).isEqualTo(mj);
        assertThat(copy.lines()).hasSize(1);
        assertThat(attachments.of(copy.number(), sent.ready().manager().accountId()))
                .extracting(MemoireAttachments.AttachmentView::fileName).containsExactly("requisition.pdf");
        assertThat(view(mj).status()).isEqualTo(MemoireStatus.DUPLIQUE_POST_REFUS);
        assertThat(process(mj)).isNull();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(mj)
                .singleResult().getEndActivityId()).isEqualTo("Event_DuplicatedAfterRefusal");
    }

    @Test
    void aRefusedMemoireIsAbandoned() {
        String mj = sent.tariffed();
        sent.complete(mj, "Task_CertifyMemoire", CLERK, GREFFE, Map.of("certificationDecision", "REFUSER",
                "refusalReason", "DOUBLON"));

        actions.abandon(mj, sent.ready().manager().accountId());

        assertThat(view(mj).status()).isEqualTo(MemoireStatus.ABANDONNE);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(mj)
                .singleResult().getEndActivityId()).isEqualTo("Event_Abandoned");
    }

    @Test
    void theClerkSendsAMemoireToTaxationWhereItIsTaxedAsRequestedThenPaid() {
        String mj = sent.tariffed();
        sent.complete(mj, "Task_CertifyMemoire", CLERK, GREFFE, Map.of("certificationDecision", "TAXATION"));
        assertThat(process(mj)).isWaitingAt("Task_WriteRequisitions").task().hasCandidateGroup("parquet-TJ75101");

        sent.complete(mj, "Task_WriteRequisitions", "julien.bernard", "parquet-TJ75101",
                Map.of("requisitions", "Requiert la taxe au montant demandé."));
        assertThat(process(mj)).isWaitingAt("Task_IssueTaxationOrder").task().hasCandidateGroup("magistrat-TJ75101");
        sent.complete(mj, "Task_IssueTaxationOrder", "sophie.dubois", "magistrat-TJ75101",
                Map.of("timeBarred", false, "taxedAmount", 120));

        assertThat(view(mj).status()).isEqualTo(MemoireStatus.TAXE);
        assertThat(view(mj).availableActions()).containsExactly("DUPLIQUER");
        assertThat(process(mj)).isWaitingAt("Task_OrderPayment");
        pay(mj);
        assertThat(view(mj).status()).isEqualTo(MemoireStatus.MIS_EN_PAIEMENT);
    }

    @Test
    void anUntariffedMemoireOfFifteenHundredEurosIsTaxedLowerAndTheProviderAppeals() {
        String mj = sent.untariffed("1500.00");
        assertThat(process(mj)).isWaitingAt("Task_WriteRequisitions");
        assertThat(process(mj)).variables().containsEntry("track", "TAXATION").containsEntry("controlLevel", "THOROUGH");
        sent.complete(mj, "Task_WriteRequisitions", "julien.bernard", "parquet-TJ75101", Map.of("requisitions", "Réduire."));
        sent.complete(mj, "Task_IssueTaxationOrder", "sophie.dubois", "magistrat-TJ75101",
                Map.of("taxedAmount", 1200.5, "taxationReasoning", "Vacations excessives."));
        assertThat(process(mj)).isWaitingAt("Gateway_AppealWindow");
        assertThat(view(mj).availableActions()).containsExactly("FORMER_RECOURS", "DUPLIQUER");
        assertThat(view(mj).grantedAmount()).isEqualByComparingTo("1200.50");

        actions.appeal(mj, "Les vacations étaient toutes nécessaires.", sent.ready().manager().accountId());

        assertThat(process(mj)).isWaitingAt("Task_DecideAppeal").task().hasCandidateGroup("magistrat-CA_PARIS");
        sent.complete(mj, "Task_DecideAppeal", "president.ca", "magistrat-CA_PARIS",
                Map.of("appealAmount", 1450, "appealReasoning", "Recours partiellement fondé."));
        assertThat(view(mj).grantedAmount()).isEqualByComparingTo("1450.00");
        assertThat(process(mj)).isWaitingAt("Task_OrderPayment");
    }

    @Test
    void withoutAppealWithinTenDaysTheTaxedMemoireGoesToPayment() {
        String mj = sent.untariffed("2000.00");
        sent.complete(mj, "Task_WriteRequisitions", "julien.bernard", "parquet-TJ75101", Map.of("requisitions", "Réduire."));
        sent.complete(mj, "Task_IssueTaxationOrder", "sophie.dubois", "magistrat-TJ75101", Map.of("taxedAmount", 1800));
        assertThat(process(mj)).isWaitingAt("Gateway_AppealWindow");

        clock.advance(Duration.ofDays(10).plusMinutes(1));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(process(mj).getId()).timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());

        assertThat(process(mj)).isWaitingAt("Task_OrderPayment");
        assertThatThrownBy(() -> actions.appeal(mj, "Trop tard ?", sent.ready().manager().accountId()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("APPEAL_PERIOD_OVER"));
    }

    @Test
    void aLateMemoireGoesToTaxationWhereTheMagistrateRecordsTheForclusion() {
        String mj = sent.late();
        assertThat(view(mj).late()).isTrue();
        assertThat(process(mj)).isWaitingAt("Task_WriteRequisitions");
        sent.complete(mj, "Task_WriteRequisitions", "julien.bernard", "parquet-TJ75101", Map.of("requisitions", "Forclos."));
        sent.complete(mj, "Task_IssueTaxationOrder", "sophie.dubois", "magistrat-TJ75101", Map.of("timeBarred", true));

        assertThat(view(mj).status()).isEqualTo(MemoireStatus.REFUSE);
        assertThat(view(mj).statusReason()).startsWith("Forclusion");
        assertThat(process(mj)).isWaitingAt("Gateway_AfterRefusal");
    }

    @Test
    void aCertificationOverdueForThirtyDaysIsMailedToTheGreffeAndStaysOpen() throws Exception {
        String mj = sent.tariffed();
        assertThat(sent.task(mj, "Task_CertifyMemoire").getDueDate()).isNotNull();

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(process(mj).getId()).timers().singleResult();
        engine.getManagementService().executeJob(timer.getId());
        Job mail = engine.getManagementService().createJobQuery().processInstanceId(process(mj).getId()).singleResult();
        engine.getManagementService().executeJob(mail.getId());

        assertThat(new Mailbox(mailServer).to("camille.martin@justice.example.fr")).extracting(Mailbox::subject)
                .contains("Mémoire " + mj + " en retard de certification");
        assertThat(process(mj)).isWaitingAt("Task_CertifyMemoire");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(mj)
                .dueBefore(java.util.Date.from(clock.instant())).count()).isOne();
    }

    @Test
    void aDecisionWithoutItsReasonIsRefusedAndNothingChanges() {
        String mj = sent.tariffed();

        assertThatThrownBy(() -> sent.complete(mj, "Task_CertifyMemoire", CLERK, GREFFE,
                Map.of("certificationDecision", "REFUSER"))).hasMessageContaining("motif du refus");
        assertThatThrownBy(() -> sent.complete(mj, "Task_CertifyMemoire", CLERK, GREFFE, Map.of("certificationDecision",
                "CERTIFIER", "corrections", SpinValues.jsonValue("[{\"line\": 7, \"exclVat\": 10, \"reason\": \"x\"}]").create())))
                .hasMessageContaining("pas de ligne n° 7");
        assertThatThrownBy(() -> sent.complete(mj, "Task_CertifyMemoire", CLERK, GREFFE, Map.of("certificationDecision",
                "CERTIFIER", "corrections", "1 ; 75,00")))
                .hasMessageContaining("écrivez n° de ligne ; montant HT retenu ; motif");

        assertThat(process(mj)).isWaitingAt("Task_CertifyMemoire");
        assertThat(view(mj).status()).isEqualTo(MemoireStatus.MIS_A_DISPOSITION);
        assertThat(statuses(mj)).doesNotContain(MemoireStatus.REFUSE, MemoireStatus.CERTIFIE);
    }

    @Test
    void twoClerksCompletingTheSameTaskAtOnceCertifyItOnce() throws Exception {
        String mj = sent.tariffed();
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.ExecutorService clerks = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Boolean>> outcomes = new java.util.ArrayList<>();
            for (String clerk : List.of(CLERK, "clerk.two")) {
                outcomes.add(clerks.submit(() -> {
                    ready.countDown();
                    ready.await();
                    try {
                        sent.complete(mj, "Task_CertifyMemoire", clerk, GREFFE, Map.of("certificationDecision", "CERTIFIER"));
                        return true;
                    } catch (RuntimeException | AssertionError conflict) {
                        return false;
                    }
                }));
            }
            List<Boolean> results = new java.util.ArrayList<>();
            for (var outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).containsExactlyInAnyOrder(true, false);
        } finally {
            clerks.shutdown();
        }
        assertThat(statuses(mj)).containsOnlyOnce(MemoireStatus.CERTIFIE);
        assertThat(process(mj)).isWaitingAt("Task_OrderPayment");
    }

    @Test
    void aClerkOfAnotherOfficeNeitherSeesNorCompletesTheTask() {
        String mj = sent.tariffed();

        assertThatThrownBy(() -> sent.complete(mj, "Task_CertifyMemoire", "amelie.robert", "greffe-TJ69383",
                Map.of("certificationDecision", "CERTIFIER"))).hasMessageContaining("ne voit pas la tâche");

        assertThat(view(mj).status()).isEqualTo(MemoireStatus.MIS_A_DISPOSITION);
    }
}
