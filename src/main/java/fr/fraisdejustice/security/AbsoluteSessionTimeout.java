package fr.fraisdejustice.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A session dies a fixed time after its creation however busy it is (the idle timeout alone would let a stolen session
 * live for ever): the request then goes on as anonymous and the person logs in again.
 */
class AbsoluteSessionTimeout extends OncePerRequestFilter {

    private final Duration lifetime;
    private final Clock clock;

    AbsoluteSessionTimeout(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getCreationTime() + lifetime.toMillis() < clock.millis()) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
