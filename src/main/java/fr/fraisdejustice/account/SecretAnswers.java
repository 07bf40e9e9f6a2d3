package fr.fraisdejustice.account;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.fraisdejustice.shared.FieldProblem;

/**
 * The secret question and answer that guard the forgotten-password path. The holder writes his own question, as the
 * guides describe (a question only he can answer); the portal suggests some. Answers are compared loosely, then hashed.
 */
final class SecretAnswers {

    static final int MIN_QUESTION = 5;
    static final int MAX_QUESTION = 200;

    /** Suggestions only. */
    static final List<String> QUESTIONS = List.of(
            "Quel est le nom de jeune fille de votre mère ?",
            "Dans quelle ville votre père est-il né ?",
            "Quel était le nom de votre premier animal ?",
            "Quel est le prénom de votre meilleur ami d'enfance ?",
            "Quel est le titre de votre livre préféré ?");

    private SecretAnswers() {
    }

    static List<FieldProblem> problem(String question, String answer) {
        List<FieldProblem> problems = new ArrayList<>();
        if (question == null || question.trim().length() < MIN_QUESTION || question.trim().length() > MAX_QUESTION) {
            problems.add(new FieldProblem("secretQuestion", "INVALID_LENGTH", "Choisissez une question de la liste ou "
                    + "écrivez la vôtre (de " + MIN_QUESTION + " à " + MAX_QUESTION + " caractères)."));
        }
        if (answer == null || normalize(answer).length() < 2 || answer.length() > 100) {
            problems.add(new FieldProblem("secretAnswer", "INVALID_LENGTH",
                    "La réponse secrète compte de 2 à 100 caractères."));
        }
        return problems;
    }

    /** « Éléonore  DUPONT » and « eleonore dupont » are the same answer. */
    static String normalize(String answer) {
        String withoutAccents = Normalizer.normalize(answer, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return withoutAccents.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
