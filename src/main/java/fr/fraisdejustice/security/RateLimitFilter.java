package fr.fraisdejustice.security;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.fraisdejustice.shared.ProblemResponses;
import io.github.bucket4j.BucketExceptions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers 429 past a rate limit, before any authentication or controller runs, so that a refused request costs
 * nothing: problem+json with a French detail saying when to try again, and Retry-After in seconds.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimitProperties properties;
    private final RateLimitedRequests requests;
    private final RateLimiter limiter;
    private final ProblemResponses problems;

    RateLimitFilter(RateLimitProperties properties, RateLimitedRequests requests, RateLimiter limiter,
                    ProblemResponses problems) {
        this.properties = properties;
        this.requests = requests;
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest received, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!properties.enabled()) {
            chain.doFilter(received, response);
            return;
        }
        HttpServletRequest request = requests.readable(received);
        RateLimiter.Admission admission;
        try {
            admission = limiter.admit(requests.chargesOf(request));
        } catch (BucketExceptions.BucketExecutionException unreachable) {
            // the buckets live in the database: without it a login or an anonymous step could not work anyway, and
            // letting them through unlimited would open the door to whoever waits for an outage
            LOG.warn("Limites de débit injoignables (base de données) : requête refusée (503) : {}", unreachable.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                    "Le service est momentanément indisponible. Réessayez dans quelques instants.");
            return;
        }
        if (admission instanceof RateLimiter.Refused refused) {
            refuse(response, refused);
            return;
        }
        chain.doFilter(request, response);
        // after an exception the tokens stay taken: better a client slowed down than a failure replayed for free
        try {
            ((RateLimiter.Admitted) admission).settle(response.getStatus());
        } catch (BucketExceptions.BucketExecutionException unreachable) {
            LOG.warn("Limites de débit injoignables : jetons non rendus après la réponse {} : {}", response.getStatus(),
                    unreachable.getMessage());
        }
    }

    private void refuse(HttpServletResponse response, RateLimiter.Refused refused) throws IOException {
        long seconds = Math.max(1, ceilSeconds(refused.retryAfter()));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                refused.limit().reason() + " Réessayez dans " + inFrench(seconds) + ".");
    }

    private static long ceilSeconds(Duration duration) {
        return duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
    }

    /** 42 secondes, 3 minutes, 8 heures: rounded up, so that trying again then succeeds. */
    static String inFrench(long seconds) {
        if (seconds < 60) {
            return plural(seconds, "seconde");
        }
        if (seconds < 3600) {
            return plural((seconds + 59) / 60, "minute");
        }
        return plural((seconds + 3599) / 3600, "heure");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count > 1 ? "s" : "");
    }
}
