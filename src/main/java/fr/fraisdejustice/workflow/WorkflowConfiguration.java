package fr.fraisdejustice.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine set-up: the history level that remembers decisions, and the analysts' models deployed as soon as the engine is
 * built, before any job runs.
 */
@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    static final String DEPLOYMENT_NAME = ModelDeployment.NAME;

    /** Makes {@code camunda.bpm.history-level: audit-decisions} known to the engine. */
    @Bean
    ProcessEnginePlugin auditAndDecisionsHistoryPlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
                levels.add(new AuditAndDecisionsHistoryLevel());
                configuration.setCustomHistoryLevels(levels);
            }
        };
    }

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
