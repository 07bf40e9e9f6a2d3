package fr.fraisdejustice.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import fr.fraisdejustice.shared.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemAccessDeniedHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            problems.write(response, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID",
                    "Votre page a expiré : rechargez-la puis recommencez. Rien n'a été enregistré.");
        } else {
            problems.write(response, HttpStatus.FORBIDDEN, "FORBIDDEN",
                    "Vous n'avez pas les droits nécessaires pour cette action.");
        }
    }
}
