package fr.fraisdejustice.memoire;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.fraisdejustice.support.IntegrationTest;

/** bpmn/memoire-lifecycle.bpmn as it stands until the processing is modelled: a sent mémoire waits to be taken over. */
@IntegrationTest
class MemoireLifecycleProcessTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void aSentMemoireWaitsUntilItIsTakenOver() {
        init(engine);
        ProcessInstance process = engine.getRuntimeService()
                .startProcessInstanceByKey(MemoireSubmission.PROCESS_KEY, "MJ9999999999");
        assertThat(process).isWaitingAt("Event_ProcessingStarted");

        engine.getRuntimeService().createMessageCorrelation("MemoireProcessingStarted")
                .processInstanceBusinessKey("MJ9999999999").correlate();

        assertThat(process).hasPassedInOrder("Event_MemoireSent", "Event_ProcessingStarted", "Event_MemoireTakenOver")
                .isEnded();
    }
}
