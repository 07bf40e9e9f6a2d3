package fr.fraisdejustice.bankaccount;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bank-detail rules of DOMAIN.md, case by case. */
class BankDetailsTest {

    @ParameterizedTest(name = "RIB {0} {1} {2} → clé {3}")
    @CsvSource({
            "30002, 00550, 0000157845Z, 02",
            "30006, 00001, 12345678901, 89",
            "20041, 01005, 0500013M026, 06",
    })
    void theRibKeyFollowsTheFormulaWithLettersMappedToDigits(String bank, String branch, String account, String key) {
        assertThat(BankDetails.ribKey(bank, branch, account)).isEqualTo(key);
        assertThat(BankDetails.ribProblems(bank, branch, account, key)).isEmpty();
    }

    @ParameterizedTest(name = "RIB {0} {1} {2} {3}: refused on {4}")
    @CsvSource({
            "30002, 00550, 0000157845Z, 03, ribKey",
            "3000,  00550, 0000157845Z, 02, bankCode",
            "30002, 0055A, 0000157845Z, 02, branchCode",
            "30002, 00550, 0000157845,  02, accountNumber",
            "30002, 00550, 0000157845Z, 2,  ribKey",
    })
    void aWrongRibIsRefusedOnTheFieldAtFault(String bank, String branch, String account, String key, String field) {
        assertThat(BankDetails.ribProblems(bank, branch, account, key)).extracting("field").contains(field);
    }

    @ParameterizedTest(name = "IBAN {0} BIC {1}: valid={2}")
    @CsvSource({
            "FR7630006000011234567890189, BNPAFRPP,    true",
            "FR7030002005500000157845Z02, CRLYFRPPXXX, true",
            "FR7630006000011234567890188, BNPAFRPP,    false",
            "FR763000600001123456789018,  BNPAFRPP,    false",
            "DE89370400440532013000,      COBADEFFXXX, true",
            "FR7630006000011234567890189, BNPAFRP,     false",
            "FR7630006000011234567890189, bnpafrpp,    false",
    })
    void ibanAndBic(String iban, String bic, boolean valid) {
        assertThat(BankDetails.ibanProblems(iban, bic).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"'fr76 3000 6000 0112 3456 7890 189', FR7630006000011234567890189"})
    void spacesAndCaseTypedInAnIbanAreIgnored(String typed, String compact) {
        assertThat(BankDetails.compact(typed)).isEqualTo(compact);
    }
}
