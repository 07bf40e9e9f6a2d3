package fr.fraisdejustice.staff;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import fr.fraisdejustice.shared.MissingSettingsException;
import fr.fraisdejustice.shared.PasswordRule;

/**
 * The first Camunda administrator comes from the deployment's settings ({@code FDJ_ADMIN_USER}, {@code FDJ_ADMIN_PASSWORD}),
 * never from Camunda's setup page (closed in every profile): it is created while no administrator exists, and ignored
 * after. In {@code prod} a database without administrator and without these settings is a start-up error.
 */
@Component
class FirstAdministrator {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);
    static final String USER_ID_PATTERN = "[a-zA-Z0-9._-]{3,64}";

    private final IdentityService identity;
    private final Environment environment;
    private final String userId;
    private final String password;

    FirstAdministrator(IdentityService identity, Environment environment,
                       @Value("${fdj.admin.user:}") String userId, @Value("${fdj.admin.password:}") String password) {
        this.identity = identity;
        this.environment = environment;
        this.userId = userId;
        this.password = password;
    }

    void ensure() {
        if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
            return;
        }
        boolean production = environment.acceptsProfiles(Profiles.of("prod"));
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            if (production) {
                throw new MissingSettingsException(problems);
            }
            LOG.warn("Aucun administrateur Camunda : donnez FDJ_ADMIN_USER et FDJ_ADMIN_PASSWORD pour en créer un");
            return;
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName("Administrateur");
            user.setLastName(userId);
            user.setPassword(password);
            identity.saveUser(user);
        }
        identity.createMembership(userId, Groups.CAMUNDA_ADMIN);
        LOG.info("Premier administrateur « {} » créé depuis FDJ_ADMIN_USER", userId);
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!StringUtils.hasText(userId) || !userId.matches(USER_ID_PATTERN)) {
            problems.add("FDJ_ADMIN_USER (fdj.admin.user) : l'identifiant du premier administrateur, de 3 à 64 lettres "
                    + "sans accent, chiffres, points, tirets ou soulignés ; il n'est lu que tant qu'aucun administrateur "
                    + "n'existe");
        }
        if (!StringUtils.hasText(password)) {
            problems.add("FDJ_ADMIN_PASSWORD (fdj.admin.password) : le mot de passe du premier administrateur");
        } else {
            PasswordRule.problem(password).ifPresent(rule -> problems.add("FDJ_ADMIN_PASSWORD (fdj.admin.password) : "
                    + "mot de passe trop faible. " + rule));
        }
        return problems;
    }
}
