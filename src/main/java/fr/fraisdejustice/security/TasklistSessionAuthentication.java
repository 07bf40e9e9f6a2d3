package fr.fraisdejustice.security;

import java.io.IOException;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A staff member logged into Tasklist opens the attachments linked from his task forms with that same login: his Camunda
 * webapp session stands for him on the staff API's reads. On a change it stands for him only where the request echoes
 * the session's CSRF token (the analysts' page, which reads it from {@code GET /api/staff/me}): a page of another site
 * cannot read it. Camunda's webapp authentication is read through its own session helper (a touchpoint listed in docs/adr).
 */
class TasklistSessionAuthentication extends OncePerRequestFilter {

    private static final String ENGINE = "default";

    private final StaffAuthenticationProvider staff;

    TasklistSessionAuthentication(StaffAuthenticationProvider staff) {
        this.staff = staff;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && (!RequestOrigins.changesState(request) || StaffCsrfToken.echoed(request, session))
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            Authentication camunda = authentications == null ? null
                    : authentications.getAuthenticationForProcessEngine(ENGINE);
            if (camunda != null) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        camunda.getName(), null, staff.rolesOf(camunda.getName())));
            }
        }
        chain.doFilter(request, response);
    }
}
