package fr.fraisdejustice.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import fr.fraisdejustice.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 (or 423 for a locked account) as problem+json. API clients are offered HTTP Basic; the portal's own calls (marked
 * with X-Requested-With) are not, so that the browser never pops up its login box.
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
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value() && request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"frais-de-justice\", charset=\"UTF-8\"");
        }
        problems.write(response, problem);
    }
}
