package fr.fraisdejustice.workflow;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** Camunda's engine REST API (Tasklist submits its forms there), with our answer to a task completed twice. */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(TaskConflictMapper.class);
    }
}
