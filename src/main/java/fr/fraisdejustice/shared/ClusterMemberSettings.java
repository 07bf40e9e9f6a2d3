package fr.fraisdejustice.shared;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * A member of a cluster ({@code fdj.cluster.member=true}, {@code FDJ_CLUSTER_MEMBER=true}: N nodes on one PostgreSQL
 * behind a load balancer) never runs on an embedded default, which belongs to one node: its own PostgreSQL would split
 * the data, its own SMTP server and development mailbox would keep the mails of that node, links to « this server on
 * localhost » would miss the load balancer, and rate limits in its memory would multiply them by N. The start stops at
 * once, before the embedded PostgreSQL would start, naming each setting to give.
 */
public class ClusterMemberSettings implements EnvironmentPostProcessor, Ordered {

    public static final String MEMBER = "fdj.cluster.member";

    public static boolean isMember(Environment environment) {
        return environment.getProperty(MEMBER, Boolean.class, false);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!isMember(environment)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            problems.add(required("SPRING_DATASOURCE_URL (spring.datasource.url)",
                    "l'adresse JDBC du serveur PostgreSQL commun à tous les nœuds, par exemple "
                            + "jdbc:postgresql://db.example.fr:5432/fdj ; la base PostgreSQL embarquée ne sert qu'à un nœud seul"));
        }
        if (!StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
            problems.add(required("SPRING_MAIL_HOST (spring.mail.host)", "le serveur SMTP qui envoie les courriels ; "
                    + "le serveur SMTP embarqué et la boîte de développement ne servent qu'à un nœud seul"));
        }
        if (!StringUtils.hasText(environment.getProperty("fdj.public-url"))) {
            problems.add(required("FDJ_PUBLIC_URL (fdj.public-url)", "l'adresse publique du répartiteur de charge, "
                    + "celle des liens envoyés par courriel"));
        }
        if (!environment.getProperty("fdj.rate-limits.shared", Boolean.class, true)) {
            problems.add("FDJ_RATELIMITS_SHARED (fdj.rate-limits.shared) doit valoir true pour un membre de grappe "
                    + "(FDJ_CLUSTER_MEMBER=true) : les limites de débit sont alors tenues en commun dans PostgreSQL");
        }
        if (!problems.isEmpty()) {
            throw new MissingSettingsException(problems);
        }
    }

    private static String required(String setting, String what) {
        return setting + " est obligatoire pour un membre de grappe (FDJ_CLUSTER_MEMBER=true) : " + what;
    }

    @Override
    public int getOrder() {
        // after the configuration files and the profiles are read, before the embedded PostgreSQL would start
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
