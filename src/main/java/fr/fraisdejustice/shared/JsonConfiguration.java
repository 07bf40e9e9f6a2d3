package fr.fraisdejustice.shared;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;

/** How the API reads JSON: a key given twice is refused (which one counts is no guess), text is visible (VisibleText). */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer duplicateKeysRefused() {
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Spring Boot installs every Module bean in its ObjectMapper. */
    @Bean
    Module visibleText() {
        return new SimpleModule("visible-text").addDeserializer(String.class, new VisibleText.Deserializer());
    }
}
