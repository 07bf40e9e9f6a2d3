package fr.fraisdejustice.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.shared.ProblemResponses;
import jakarta.servlet.DispatcherType;

/**
 * Two worlds, two guards. Camunda's web applications and engine REST API are guarded by Camunda's own authentication
 * (its session login, and HTTP Basic against Camunda users for /engine-rest). Spring Security guards the provider API,
 * the portal and Actuator.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The portal and the API docs load only their own scripts; form-js sets inline styles; images may be data URLs. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain camundaApplications(HttpSecurity http) throws Exception {
        // path patterns, not MVC patterns: these paths are served by Camunda's own servlets, not by Spring MVC
        http.securityMatcher(new OrRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // the Camunda webapps bring their own CSRF filter and security headers; engine REST gets nosniff here
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.defaultsDisabled().contentTypeOptions(Customizer.withDefaults()))
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER));
        return http.build();
    }

    /** Before every other guard: what no authorization opens on the staff's entrances (see StaffEntranceGuard). */
    @Bean
    FilterRegistrationBean<StaffEntranceGuard> staffEntranceGuard(ProblemResponses problems,
                                                                  @Value("${fdj.public-url:}") String publicUrl) {
        FilterRegistrationBean<StaffEntranceGuard> registration =
                new FilterRegistrationBean<>(new StaffEntranceGuard(problems, publicUrl));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/admin/*", "/api/support/*", "/api/staff/*",
                "/api/models/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /** Right after: a task completion writes only its form's fields; no one writes variables directly (see TaskVariableGuard). */
    @Bean
    FilterRegistrationBean<TaskVariableGuard> taskVariableGuard(TaskService tasks, FormService forms, ObjectMapper json) {
        FilterRegistrationBean<TaskVariableGuard> registration =
                new FilterRegistrationBean<>(new TaskVariableGuard(tasks, forms, json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 9);
        return registration;
    }

    /** No anonymous engine REST: every call authenticates as a Camunda user, whose authorizations then apply. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    @Bean
    @Order(2)
    SecurityFilterChain staff(HttpSecurity http, IdentityService identity, ProblemResponses problems) throws Exception {
        StaffAuthenticationProvider staff = new StaffAuthenticationProvider(identity);
        http.securityMatcher("/actuator/**", "/api/admin/**", "/api/support/**", "/api/staff/**", "/api/models/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the monitoring system scrapes with a credential of its own, never an administrator's
                        .requestMatchers("/actuator/prometheus").hasRole("METRICS")
                        .requestMatchers("/api/support/**").hasAnyRole("SUPPORT", "ADMIN")
                        .requestMatchers("/api/models/**").hasAnyRole("ANALYSTE", "ADMIN")
                        .requestMatchers("/api/staff/**").hasRole("STAFF")
                        .anyRequest().hasRole("ADMIN"))
                .authenticationManager(new ProviderManager(staff))
                .addFilterBefore(new TasklistSessionAuthentication(staff), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(new ProblemAuthenticationEntryPoint(problems)))
                .exceptionHandling(errors -> errors.accessDeniedHandler(new ProblemAccessDeniedHandler(problems)))
                .csrf(AbstractHttpConfigurer::disable)
                // a staff member's session is Camunda's, renewed by Camunda at its login: renewing its id at each request
                // here (Spring's fixation protection, as if the request had logged in) left the page's other requests,
                // sent with the former id, without a session (401 on /analyse, a Tasklist logged out)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()));
        return http.build();
    }

    /** Providers' passwords and secret answers: bcrypt, its cost a setting (cheap in tests, where it is 4). */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${fdj.passwords.bcrypt-strength:10}") int strength) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
    }

    @Bean
    CookieCsrfTokenRepository csrfTokenRepository() {
        return CookieCsrfTokenRepository.withHttpOnlyFalse();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** On the portal's login: a new session id (no fixation) and a new CSRF token. */
    @Bean
    SessionAuthenticationStrategy providerSessionStrategy(CookieCsrfTokenRepository csrfTokens) {
        return new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
    }

    @Bean
    @Order(3)
    SecurityFilterChain application(HttpSecurity http, ProblemResponses problems,
                                    ProviderAuthentication providers, CookieCsrfTokenRepository csrfTokens,
                                    SecurityContextRepository contexts, UploadQuotas uploadQuotas,
                                    UploadLimitProperties uploadLimits, Clock clock,
                                    @Value("${fdj.public-url:}") String publicUrl) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, PublicEndpoints.PAGES).permitAll()
                        .requestMatchers(HttpMethod.GET, PublicEndpoints.API_READS).permitAll()
                        .requestMatchers(HttpMethod.POST, PublicEndpoints.ANONYMOUS_STEPS).permitAll()
                        .requestMatchers(PublicEndpoints.SESSION).permitAll()
                        .requestMatchers("/dev/mailbox", "/dev/mailbox/**").permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(new ProviderManager(providers))
                .addFilterAfter(new UploadQuotaFilter(uploadQuotas, uploadLimits, problems, clock), AuthorizationFilter.class)
                .securityContext(context -> context.securityContextRepository(contexts))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(problems)))
                // the portal's session is protected by a token it reads from the XSRF-TOKEN cookie; an API client sending
                // HTTP Basic needs none, unless a browser sends it from another site's page (cached credentials)
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .ignoringRequestMatchers(request -> RequestOrigins.carriesBasicCredentials(request)
                                && RequestOrigins.sameOriginOrNone(request, publicUrl))
                        .ignoringRequestMatchers("/dev/mailbox/**")
                        .ignoringRequestMatchers(PublicEndpoints.ANONYMOUS_STEPS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        // links carry single-use tokens in their address: never hand it to another site
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny));
        return http.build();
    }
}
