package fr.fraisdejustice.security;

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

    /** Per node for now; sharing them between nodes replaces this bean only. */
    @Bean
    RateLimitBuckets rateLimitBuckets(RateLimitProperties properties) {
        // real time, not the application's Clock: a rate is about requests per second, and tests move that Clock
        return new InMemoryRateLimitBuckets(TimeMeter.SYSTEM_MILLISECONDS, properties.maxKeys());
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
