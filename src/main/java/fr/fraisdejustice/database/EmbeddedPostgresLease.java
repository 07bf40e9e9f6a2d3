package fr.fraisdejustice.database;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ties one Spring context to the embedded server: the context's {@code dataSource} is declared dependent on this lease,
 * so the lease is released (and the server stopped, if it was the last) only after the pool and everything using it
 * (JPA, the engine, its job executor) have shut down.
 */
class EmbeddedPostgresLease implements ApplicationContextInitializer<ConfigurableApplicationContext>, DisposableBean {

    static final String BEAN_NAME = "embeddedPostgresLease";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getBeanFactory() instanceof DefaultListableBeanFactory beans) {
            beans.registerSingleton(BEAN_NAME, this);
            beans.registerDisposableBean(BEAN_NAME, this);
            beans.registerDependentBean(BEAN_NAME, "dataSource");
        }
    }

    @Override
    public void destroy() {
        EmbeddedPostgresServer.release();
    }
}
