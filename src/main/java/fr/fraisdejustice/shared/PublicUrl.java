package fr.fraisdejustice.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address mailed links point to: {@code FDJ_PUBLIC_URL} in production, else this server on localhost, on the port
 * it really listens on (which may be chosen at start).
 */
@Component
public class PublicUrl {

    private final String configured;
    private final Environment environment;

    PublicUrl(@Value("${fdj.public-url:}") String configured, Environment environment) {
        this.configured = configured;
        this.environment = environment;
    }

    public String base() {
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }
}
