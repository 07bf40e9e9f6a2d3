package fr.fraisdejustice.workflow;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Gives the process engine's DMN engine the FEEL engine that parses each text once (issue #21): the stock one parses
 * every input expression, unary test and output entry at every evaluation. An impl touchpoint (docs/adr/0004).
 * Camunda's legacy FEEL behaviour ({@code dmn-feel-enable-legacy-behavior}, the juel engine) is not ours: this factory
 * would take its place.
 */
class FeelExpressionCachePlugin extends AbstractProcessEnginePlugin {

    /** Our tables hold under a hundred distinct texts: room for the versions an analyst deploys, and a bound. */
    static final int MAXIMUM_SIZE = 2000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(new CachingFeelEngineFactory(MAXIMUM_SIZE, configuration::getDmnFeelCustomFunctionProviders));
        configuration.setDmnEngineConfiguration(dmn);
    }
}
