package fr.fraisdejustice.database;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import fr.fraisdejustice.shared.ClusterMemberSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * When no {@code SPRING_DATASOURCE_URL} is given, points the application at an in-process PostgreSQL, so that
 * {@code mvn spring-boot:run} needs nothing installed. Everything downstream (pool, Flyway, JPA, engine) is Spring Boot's
 * ordinary datasource set-up.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String ENABLED = "fdj.embedded-postgres.enabled";
    static final String DATA_DIRECTORY = "fdj.embedded-postgres.data-directory";
    /** Set when this run uses the embedded server: what exists only there (development users) looks for it. */
    public static final String ACTIVE = "fdj.embedded-postgres.active";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // a cluster member never gets one (ClusterMemberSettings has already stopped a member without a database)
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || !environment.getProperty(ENABLED, Boolean.class, true)
                || ClusterMemberSettings.isMember(environment)) {
            return;
        }
        EmbeddedPostgres server = EmbeddedPostgresServer.acquire(environment.getProperty(DATA_DIRECTORY, ""));
        application.addInitializers(new EmbeddedPostgresLease());
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", server.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                ACTIVE, "true")));
    }

    @Override
    public int getOrder() {
        // after the config files are read, so that application.yml and profiles can set the data directory
        return Ordered.LOWEST_PRECEDENCE;
    }
}
