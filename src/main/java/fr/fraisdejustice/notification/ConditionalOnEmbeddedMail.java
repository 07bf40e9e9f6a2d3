package fr.fraisdejustice.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import fr.fraisdejustice.shared.ClusterMemberSettings;

/**
 * The embedded mail default (in-process SMTP server and the development mailbox) is on outside the {@code prod} profile
 * and outside a cluster while no {@code spring.mail.host} is configured. Every bean of that default carries this one
 * condition, so that a real SMTP server replaces all of them at once and nothing is left needing a server that was not
 * started.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnEmbeddedMail.EmbeddedMail.class)
public @interface ConditionalOnEmbeddedMail {

    class EmbeddedMail extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            if (context.getEnvironment().acceptsProfiles(Profiles.of("prod"))) {
                return ConditionOutcome.noMatch("the prod profile never uses the embedded SMTP server");
            }
            if (ClusterMemberSettings.isMember(context.getEnvironment())) {
                return ConditionOutcome.noMatch("a cluster member never uses the embedded SMTP server");
            }
            if (StringUtils.hasText(context.getEnvironment().getProperty("spring.mail.host"))) {
                return ConditionOutcome.noMatch("spring.mail.host names a real SMTP server");
            }
            return ConditionOutcome.match("no spring.mail.host outside prod: embedded SMTP server");
        }
    }
}
