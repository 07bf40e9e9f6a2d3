package fr.fraisdejustice.shared;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * In the {@code prod} profile no embedded default may stand in for a real part: the database, the SMTP server and the
 * public address must be set, else the start stops at once with the names of the missing settings (the first
 * administrator, which needs the database, is checked by the staff module).
 */
class ProductionSettings implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            problems.add("SPRING_DATASOURCE_URL (spring.datasource.url) : l'adresse JDBC du serveur PostgreSQL, "
                    + "par exemple jdbc:postgresql://db.example.fr:5432/fdj");
        }
        if (!StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
            problems.add("SPRING_MAIL_HOST (spring.mail.host) : le serveur SMTP qui envoie les courriels");
        }
        String publicUrl = environment.getProperty("fdj.public-url");
        if (!isHttpsAddress(publicUrl)) {
            problems.add("FDJ_PUBLIC_URL (fdj.public-url) : l'adresse publique en https des liens envoyés par courriel, "
                    + "par exemple https://frais-de-justice.justice.fr"
                    + (StringUtils.hasText(publicUrl) ? " (valeur refusée : " + publicUrl + ")" : ""));
        }
        if (!problems.isEmpty()) {
            throw new MissingSettingsException(problems);
        }
    }

    static boolean isHttpsAddress(String value) {
        if (!StringUtils.hasText(value)) {
            return false;
        }
        try {
            URI uri = URI.create(value.trim());
            return "https".equals(uri.getScheme()) && StringUtils.hasText(uri.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        // after the configuration files and the profiles are read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
