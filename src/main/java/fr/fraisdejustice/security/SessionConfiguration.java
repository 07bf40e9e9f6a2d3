package fr.fraisdejustice.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** Sessions live in PostgreSQL (Spring Session JDBC, configured by Spring Boot); here, what bounds their life. */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /**
     * Tasklist fires requests in parallel on one session, and each may add the same attribute: the insert becomes an
     * upsert, as Spring Session provides for PostgreSQL (without it, all but one request failed on a duplicate key).
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer concurrentSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    FilterRegistrationBean<AbsoluteSessionTimeout> absoluteSessionTimeout(
            @Value("${fdj.sessions.absolute-timeout:12h}") Duration lifetime) {
        // wall-clock time, as the session's own creation time: never the application's movable business clock
        FilterRegistrationBean<AbsoluteSessionTimeout> registration =
                new FilterRegistrationBean<>(new AbsoluteSessionTimeout(lifetime, Clock.systemUTC()));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
