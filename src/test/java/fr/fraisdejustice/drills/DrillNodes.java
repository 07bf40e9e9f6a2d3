package fr.fraisdejustice.drills;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.support.PackagedApplication;

/** The environment of a production node in the drills: an outside PostgreSQL and SMTP server, the prod profile. */
final class DrillNodes {

    static final String ADMIN = "admin.exercice";
    static final String ADMIN_PASSWORD = "Exercice-Admin-2026!";

    private DrillNodes() {
    }

    /** {@code firstStart}: the database is empty and the node creates the first administrator. */
    static Map<String, String> production(String jdbcUrl, GreenMail smtp, boolean firstStart) {
        Map<String, String> env = PackagedApplication.env("SPRING_PROFILES_ACTIVE", "prod",
                "SPRING_DATASOURCE_URL", jdbcUrl,
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "postgres",
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "FDJ_PUBLIC_URL", "https://frais-de-justice.test",
                // the drills submit thousands of times from one address
                "FDJ_RATELIMITS_ENABLED", "false");
        if (firstStart) {
            env.put("FDJ_ADMIN_USER", ADMIN);
            env.put("FDJ_ADMIN_PASSWORD", ADMIN_PASSWORD);
        }
        return env;
    }
}
