package fr.fraisdejustice.bankaccount;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.IBANCheckDigit;

import fr.fraisdejustice.shared.FieldProblem;

/**
 * The bank-detail rules of DOMAIN.md. RIB: code banque 5 digits, code guichet 5 digits, compte 11 letters or digits, clé
 * 2 digits equal to 97 − ((89 × banque + 15 × guichet + 3 × compte) mod 97), the account's letters turned into digits.
 * IBAN: checked by Apache Commons Validator (length per country, mod-97 check); BIC: 8 or 11 characters.
 */
final class BankDetails {

    private static final Pattern FIVE_DIGITS = Pattern.compile("\\d{5}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Z]{11}");
    private static final Pattern KEY = Pattern.compile("\\d{2}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");

    private BankDetails() {
    }

    static List<FieldProblem> ribProblems(String bank, String branch, String account, String key) {
        List<FieldProblem> problems = new ArrayList<>();
        if (bank == null || !FIVE_DIGITS.matcher(bank).matches()) {
            problems.add(new FieldProblem("bankCode", "INVALID_FORMAT", "Le code banque compte 5 chiffres."));
        }
        if (branch == null || !FIVE_DIGITS.matcher(branch).matches()) {
            problems.add(new FieldProblem("branchCode", "INVALID_FORMAT", "Le code guichet compte 5 chiffres."));
        }
        if (account == null || !ACCOUNT.matcher(account).matches()) {
            problems.add(new FieldProblem("accountNumber", "INVALID_FORMAT",
                    "Le numéro de compte compte 11 chiffres ou lettres majuscules."));
        }
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add(new FieldProblem("ribKey", "INVALID_FORMAT", "La clé RIB compte 2 chiffres."));
        }
        if (problems.isEmpty() && !ribKey(bank, branch, account).equals(key)) {
            problems.add(new FieldProblem("ribKey", "INVALID_KEY",
                    "La clé RIB ne correspond pas aux codes banque et guichet et au numéro de compte : vérifiez-les sur votre RIB."));
        }
        return problems;
    }

    static List<FieldProblem> ibanProblems(String iban, String bic) {
        List<FieldProblem> problems = new ArrayList<>();
        if (iban == null || !IBANValidator.getInstance().isValid(iban)) {
            problems.add(new FieldProblem("iban", "INVALID_IBAN",
                    "Cet IBAN n'est pas valide : vérifiez le code pays, la clé et la longueur (27 caractères pour la France)."));
        }
        if (bic == null || !BIC.matcher(bic).matches()) {
            problems.add(new FieldProblem("bic", "INVALID_FORMAT", "Le BIC compte 8 ou 11 lettres et chiffres (ex. : BNPAFRPP ou BNPAFRPPPAR)."));
        }
        return problems;
    }

    /** The clé RIB of a French account (letters of the account: A,J→1 B,K,S→2 … I,R,Z→9). */
    static String ribKey(String bank, String branch, String account) {
        StringBuilder digits = new StringBuilder();
        for (char c : account.toCharArray()) {
            digits.append(Character.isDigit(c) ? c : letterDigit(c));
        }
        BigInteger sum = new BigInteger(bank).multiply(BigInteger.valueOf(89))
                .add(new BigInteger(branch).multiply(BigInteger.valueOf(15)))
                .add(new BigInteger(digits.toString()).multiply(BigInteger.valueOf(3)));
        int key = 97 - sum.mod(BigInteger.valueOf(97)).intValue();
        return String.format("%02d", key);
    }

    private static char letterDigit(char letter) {
        int index = letter - 'A';
        int[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5, 6, 7, 8, 9};
        return (char) ('0' + values[index]);
    }

    /**
     * The account as people recognise it without showing it whole: the IBAN's country and key, then its last four
     * characters (« FR76 •••• •••• 0189 »); a RIB is shown as the French IBAN it makes.
     */
    static String masked(String iban) {
        if (iban == null || iban.length() < 8) {
            return "";
        }
        return iban.substring(0, 4) + " •••• •••• " + iban.substring(iban.length() - 4);
    }

    /** The French IBAN of a RIB: FR, the mod-97 key, then banque, guichet, compte and clé. */
    static String ibanOfRib(String bank, String branch, String account, String key) {
        String bban = bank + branch + account + key;
        try {
            return "FR" + IBANCheckDigit.IBAN_CHECK_DIGIT.calculate("FR00" + bban) + bban;
        } catch (CheckDigitException e) {
            throw new IllegalStateException("RIB enregistré invalide", e);
        }
    }

    static String compact(String value) {
        return value == null ? null : value.replace(" ", "").toUpperCase();
    }
}
