package fr.fraisdejustice.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * How the API reads JSON: text is visible (VisibleText). A key given twice is refused too (which one would count is no
 * guess): {@code spring.jackson.parser.strict-duplicate-detection} in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /** Spring Boot installs every Module bean in its ObjectMapper. */
    @Bean
    Module visibleText() {
        return new SimpleModule("visible-text").addDeserializer(String.class, new VisibleText.Deserializer());
    }
}
