package fr.fraisdejustice.security;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.shared.ProblemResponses;
import io.github.bucket4j.TimeMeter;

/** The rate limits of the anonymous endpoints and of logins (README, « Rate limits »). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /**
     * In PostgreSQL, shared by every node ({@code fdj.rate-limits.shared}, on by default). A single node may keep them in
     * its memory instead, sparing the database a short transaction per anonymous request or failed login; a cluster
     * member may not (fr.fraisdejustice.shared.ClusterMemberSettings refuses it).
     */
    @Bean
    @ConditionalOnProperty(name = "fdj.rate-limits.shared", havingValue = "true", matchIfMissing = true)
    PostgresRateLimitBuckets rateLimitBuckets(DataSource dataSource) {
        // real time, not the application's Clock: a rate is about requests per second, and tests move that Clock
        return new PostgresRateLimitBuckets(dataSource);
    }

    @Bean
    @ConditionalOnProperty(name = "fdj.rate-limits.shared", havingValue = "false")
    RateLimitBuckets inMemoryRateLimitBuckets(RateLimitProperties properties) {
        return new InMemoryRateLimitBuckets(TimeMeter.SYSTEM_MILLISECONDS, properties.maxKeys());
    }

    @Bean
    @ConditionalOnProperty(name = "fdj.rate-limits.shared", havingValue = "true", matchIfMissing = true)
    RateLimitBucketsCleanup rateLimitBucketsCleanup(PostgresRateLimitBuckets buckets) {
        return new RateLimitBucketsCleanup(buckets);
    }

    /**
     * Before Spring Security's filters (and Camunda's engine REST authentication, which has the lowest precedence):
     * a refused login never reaches a password hash.
     */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, RateLimitBuckets buckets,
                                                            ObjectMapper json, ProblemResponses problems) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(
                properties, new RateLimitedRequests(json), new RateLimiter(properties, buckets), problems));
        registration.setName("rate-limits");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/admin/auth/user/*");
        return registration;
    }
}
