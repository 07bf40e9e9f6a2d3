package fr.fraisdejustice.security;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.fraisdejustice.shared.ProblemResponses;

/** The upload limits (README, « Uploads »): sizes checked first of all, quotas once the provider is known. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadLimitProperties.class)
class UploadLimitConfiguration {

    /** Before every other filter: a request too large for its path costs nothing. */
    @Bean
    FilterRegistrationBean<UploadSizeFilter> uploadSizeFilter(UploadLimitProperties limits, ProblemResponses problems) {
        FilterRegistrationBean<UploadSizeFilter> registration =
                new FilterRegistrationBean<>(new UploadSizeFilter(limits, problems));
        registration.setName("upload-sizes");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
        return registration;
    }
}
