package fr.fraisdejustice.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.TestClock;

/**
 * Camunda's history clean-up, removal-time based: a finished instance is stamped with its end plus its process's
 * historyTimeToLive, and a clean-up run deletes it once that time has passed; one not yet due stays. The nightly
 * window is the engine's configuration (application.yml); the test runs the clean-up at once.
 */
@IntegrationTest
class HistoryCleanupTest {

    static final String KEY = "history-cleanup-test";

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestClock clock;

    HistoryService history;
    ManagementService management;
    Deployment deployment;

    @BeforeEach
    void deploy() {
        history = engine.getHistoryService();
        management = engine.getManagementService();
        deployment = engine.getRepositoryService().createDeployment().name(KEY)
                .addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
                        .camundaHistoryTimeToLive(30)
                        .startEvent().userTask("Task_Check").endEvent().done())
                .deploy();
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        engine.getRepositoryService().deleteDeployment(deployment.getId(), true, true);
    }

    @Test
    void anInstanceFinishedLongerAgoThanItsTimeToLiveIsRemovedAndARecentOneIsKept() {
        clock.set(clock.instant());
        String old = finishedInstance();
        clock.advance(Duration.ofDays(20));
        String recent = finishedInstance();
        String running = engine.getRuntimeService().startProcessInstanceByKey(KEY).getId();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old).singleResult().getRemovalTime())
                .as("stamped with end + 30 days").isNotNull();

        clock.advance(Duration.ofDays(11));
        runCleanUp();

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(old).count()).isZero();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(old).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(recent).count()).isOne();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(recent).count()).isPositive();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running).count())
                .as("an instance still running has no removal time").isOne();
    }

    @Test
    void theCleanUpIsRemovalTimeBasedWithTheNightlyWindow() {
        var configuration = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration());
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
    }

    private String finishedInstance() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(KEY);
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
                .processInstanceId(instance.getId()).singleResult().getId());
        return instance.getId();
    }

    /** What the nightly job does, now: each clean-up job the engine schedules is executed here. */
    private void runCleanUp() {
        Job cleanUp = history.cleanUpHistoryAsync(true);
        management.executeJob(cleanUp.getId());
        for (Job job : history.findHistoryCleanupJobs()) {
            if (!job.getId().equals(cleanUp.getId()) && job.getDuedate() != null
                    && !job.getDuedate().toInstant().isAfter(clock.instant())) {
                management.executeJob(job.getId());
            }
        }
    }
}
