package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.structure.ProviderCategory;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * Sending throughput (checks, prerequisites decision, MJ numbering, RIB attached, fingerprint, process start, all in
 * one transaction) against the bare engine starting a start → user task process, on the same embedded PostgreSQL.
 * Runs only with {@code mvn -Pbench test -Dnpm.skip=true}; prints its figures.
 */
@IntegrationTest
class SendingBenchmark {

    static final int MEMOIRES = 400;
    static final int WARM_UP = 200;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Providers providers;

    @Autowired
    MandateSignature mandates;

    @Autowired
    MemoireDrafts drafts;

    @Autowired
    MemoireSubmission submission;

    @Autowired
    ObjectMapper json;

    @Autowired
    GreenMail mailServer;

    @LocalServerPort
    int port;

    @Test
    void sendingAgainstTheBareEngine() throws Exception {
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, new Http(port), json);
        ready.signMandate(engine, mandates, mailServer);
        UUID account = ready.manager().accountId();
        Memoire.Header header = new Memoire.Header("TJ75101", null, UUID.fromString(ready.bankAccountId()),
                ProviderCategory.INTERPRETE_TRADUCTEUR, null, VatType.TVA_SUR_DEBIT, null);
        MemoireLine.Entry line = new MemoireLine.Entry("26-001", LocalDate.now().minusDays(3), "Procureur",
                ServiceType.TRADUCTION_ECRITE, LocalDate.now().minusDays(2), new BigDecimal("4"), new BigDecimal("25.00"),
                new BigDecimal("20"), BigDecimal.ZERO, null, BigDecimal.ZERO, false, false, false, true);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < MEMOIRES + WARM_UP; i++) {
            String number = drafts.create(ready.manager().structureId(), header, account).number();
            drafts.addLine(number, line, account);
            numbers.add(number);
        }
        engine.getRepositoryService().createDeployment().addModelInstance("bare.bpmn",
                Bpmn.createExecutableProcess("bare-benchmark").camundaHistoryTimeToLive(1).startEvent()
                        .userTask().camundaCandidateGroups("greffe-TJ75101").endEvent().done()).deploy();

        for (String number : numbers.subList(0, WARM_UP)) {  // warm-up: JIT, caches, connection pool
            submission.submit(number, true, false, account);
            engine.getRuntimeService().startProcessInstanceByKey("bare-benchmark");
        }
        runJobs();
        long start = System.nanoTime();
        for (int i = 0; i < MEMOIRES; i++) {
            engine.getRuntimeService().startProcessInstanceByKey("bare-benchmark", "B" + i);
        }
        double bare = MEMOIRES / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        for (String number : numbers.subList(WARM_UP, numbers.size())) {
            submission.submit(number, true, false, account);
        }
        double sendingSeconds = (System.nanoTime() - start) / 1e9;
        double sending = MEMOIRES / sendingSeconds;
        start = System.nanoTime();
        int jobs = runJobs();
        double preparingSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(Locale.ROOT, "%nSending throughput (%d mémoires, one thread, embedded PostgreSQL 17):%n", MEMOIRES);
        System.out.printf(Locale.ROOT, "  bare engine, start → user task : %8.1f /s%n", bare);
        System.out.printf(Locale.ROOT, "  sending a mémoire               : %8.1f /s (%.0f %% of the bare engine)%n",
                sending, 100 * sending / bare);
        System.out.printf(Locale.ROOT, "  its save point's job (%d jobs)   : %8.1f /s (the clerk's task, its form data, its timer)%n",
                jobs, jobs / preparingSeconds);
        System.out.printf(Locale.ROOT, "  sending and job, end to end     : %8.1f /s (%.0f %% of the bare engine)%n%n",
                MEMOIRES / (sendingSeconds + preparingSeconds), 100 * MEMOIRES / (sendingSeconds + preparingSeconds) / bare);
    }

    /** Runs the routing save points' jobs one after the other, as one job executor thread would; returns how many. */
    private int runJobs() {
        var management = engine.getManagementService();
        var jobs = management.createJobQuery().activityId("Task_RouteMemoire").list();
        jobs.forEach(job -> management.executeJob(job.getId()));
        return jobs.size();
    }
}
