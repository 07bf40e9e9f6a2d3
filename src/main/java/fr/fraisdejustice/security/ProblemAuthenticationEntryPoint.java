package fr.fraisdejustice.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import fr.fraisdejustice.shared.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 (or 423 for a locked account) as problem+json. Machine clients are offered HTTP Basic; a browser never is (its
 * fetch metadata, its AJAX marker or its wish for a page tells it apart), so that it never pops up its login box.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        ProblemDetail problem = AuthenticationProblems.of(e, request.getHeader("Authorization") != null);
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value() && !RequestOrigins.fromBrowser(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"frais-de-justice\", charset=\"UTF-8\"");
        }
        problems.write(response, problem);
    }
}
