package fr.fraisdejustice.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import fr.fraisdejustice.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 as problem+json. API clients are offered HTTP Basic; the portal's own calls (marked with X-Requested-With) are
 * not, so that the browser never pops up its login box.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"frais-de-justice\", charset=\"UTF-8\"");
        }
        problems.write(response, HttpStatus.UNAUTHORIZED, "AUTHENTICATION_REQUIRED",
                "Identifiez-vous : connectez-vous au portail, ou envoyez votre adresse de connexion et votre mot de passe "
                        + "en HTTP Basic.");
    }
}
