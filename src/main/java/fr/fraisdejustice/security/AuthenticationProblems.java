package fr.fraisdejustice.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;

import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.Problems;

/** Why a login failed, as the API says it: 401 wrong credentials, 403 not activated, 423 locked with the unlock time. */
final class AuthenticationProblems {

    private AuthenticationProblems() {
    }

    static ProblemDetail of(AuthenticationException e, boolean credentialsSent) {
        if (e instanceof AccountLockedException locked) {
            ProblemDetail problem = Problems.of(HttpStatus.LOCKED, "ACCOUNT_LOCKED",
                    "Après cinq essais infructueux, votre compte est verrouillé jusqu'au "
                            + FrenchDates.dateTime(locked.lockedUntil())
                            + ". Réessayez ensuite, ou réinitialisez votre mot de passe depuis « Mot de passe oublié ».");
            problem.setProperty("lockedUntil", locked.lockedUntil().toString());
            return problem;
        }
        if (e instanceof DisabledException) {
            return Problems.of(HttpStatus.FORBIDDEN, "ACCOUNT_NOT_ACTIVE",
                    "Ce compte n'est pas encore activé : suivez le lien du courriel d'activation.");
        }
        if (credentialsSent) {
            return Problems.of(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS",
                    "Adresse de connexion ou mot de passe incorrect. Après cinq essais infructueux, le compte est "
                            + "verrouillé pendant une heure.");
        }
        return Problems.of(HttpStatus.UNAUTHORIZED, "AUTHENTICATION_REQUIRED",
                "Identifiez-vous : connectez-vous au portail, ou envoyez votre adresse de connexion et votre mot de passe "
                        + "en HTTP Basic.");
    }

    static ResponseEntity<Object> response(AuthenticationException e) {
        ProblemDetail problem = of(e, true);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
