package fr.fraisdejustice.operations;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.fraisdejustice.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The same 503 for what fails before a controller: the session read from PostgreSQL, an HTTP Basic login checked
 * against the accounts, a rate-limit bucket. Outermost filter: a lost connection thrown from anywhere below becomes the
 * 503 problem, instead of the container's 500.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ProblemResponses problems;

    DatabaseUnavailableFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseUnavailableProblems.lostConnection(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("Base de données injoignable : {}", e.toString());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailableProblems.RETRY_AFTER_SECONDS);
            problems.write(response, DatabaseUnavailableProblems.problem());
        }
    }
}
