package fr.fraisdejustice.staff;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

import fr.fraisdejustice.shared.PasswordRule;

/**
 * The providers' password rule ({@link PasswordRule}) for staff, as the engine's password policy: {@code saveUser}
 * refuses a new password that breaks it, and Camunda Admin lists its rules. Admin shows a rule by its placeholder, a
 * key of its own translations; ours are not keys, so Admin shows our French sentences as they are.
 */
final class StaffPasswordPolicy implements PasswordPolicy {

    static final String LENGTH = "Au moins " + PasswordRule.MIN_LENGTH + " caractères";
    static final String CLASSES = "Au moins trois de ces quatre sortes de caractères : majuscules, minuscules, chiffres, "
            + "caractères spéciaux (ponctuation, lettres accentuées…)";

    private static final List<PasswordPolicyRule> RULES = List.of(
            new Rule(LENGTH, Map.of("minLength", String.valueOf(PasswordRule.MIN_LENGTH)),
                    password -> password.codePointCount(0, password.length()) >= PasswordRule.MIN_LENGTH),
            new Rule(CLASSES, Map.of("minClasses", "3"), password -> PasswordRule.classes(password) >= 3));

    @Override
    public List<PasswordPolicyRule> getRules() {
        return RULES;
    }

    private record Rule(String placeholder, Map<String, String> parameters, Predicate<String> test)
            implements PasswordPolicyRule {

        @Override
        public String getPlaceholder() {
            return placeholder;
        }

        @Override
        public Map<String, String> getParameters() {
            return parameters;
        }

        @Override
        public boolean execute(String password) {
            return password != null && test.test(password);
        }
    }
}
