package fr.fraisdejustice.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine set-up: the analysts' models are deployed as soon as the engine is built, before any job runs. */
@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    static final String DEPLOYMENT_NAME = "frais-de-justice";

    @Bean
    ProcessEnginePlugin modelDeploymentPlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                new ModelDeployment(DEPLOYMENT_NAME).deploy(engine.getRepositoryService(), new ModelResources().scan());
            }
        };
    }

    @Bean
    ProcessEnginePlugin feelExpressionCachePlugin() {
        return new FeelExpressionCachePlugin();
    }
}
