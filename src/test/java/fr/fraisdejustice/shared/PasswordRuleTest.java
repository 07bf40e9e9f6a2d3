package fr.fraisdejustice.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordRuleTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Interprete2026 | true  | upper, lower, digits",
            "interprete-2026 | true | lower, digits, special",
            "INTERPRETE-2026 | true | upper, digits, special",
            "Interprète-Expert | true | upper, lower, special (accent and hyphen)",
            "interpreteexpert | false | one class",
            "interprete2026 | false | two classes",
            "Interp-2026 | false | 11 characters",
            "Éé1éééééééé | false | 11 characters with accents",
            "Aéé1éééééééé | true | 12 characters: upper, digit, accented letters as specials",
            "Ééé1éééééééé | false | 12 characters but accented capitals are specials too: two classes",
    })
    void twelveCharactersAndThreeClasses(String password, boolean accepted, String why) {
        assertThat(PasswordRule.problem(password).isEmpty()).as(why).isEqualTo(accepted);
    }
}
