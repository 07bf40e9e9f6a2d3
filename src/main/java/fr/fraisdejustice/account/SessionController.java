package fr.fraisdejustice.account;

import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.security.ProviderPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The portal's login: a session (new id, new CSRF token) for an active account. API clients use HTTP Basic instead. */
@RestController
@Tag(name = "Comptes")
class SessionController {

    private final ProviderManager authentication;
    private final SecurityContextRepository contexts;
    private final SessionAuthenticationStrategy sessionStrategy;
    private final LoginHistory logins;

    SessionController(ProviderAuthenticationProvider provider, SecurityContextRepository contexts,
                      SessionAuthenticationStrategy providerSessionStrategy, LoginHistory logins) {
        this.authentication = new ProviderManager(provider);
        this.contexts = contexts;
        this.sessionStrategy = providerSessionStrategy;
        this.logins = logins;
    }

    @PostMapping("/api/session")
    @Operation(summary = "Se connecter au portail (session)")
    ResponseEntity<Void> logIn(@RequestBody Credentials credentials, HttpServletRequest request,
                               HttpServletResponse response) {
        Authentication authenticated = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                credentials.loginEmail(), credentials.password() == null ? "" : credentials.password()));
        sessionStrategy.onAuthentication(authenticated, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authenticated);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        logins.portalLogin(((ProviderPrincipal) authenticated.getPrincipal()).accountId());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/session")
    @Operation(summary = "Se déconnecter du portail")
    ResponseEntity<Void> logOut(HttpServletRequest request, HttpServletResponse response) {
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return ResponseEntity.noContent().build();
    }

    record Credentials(String loginEmail, String password) {
    }
}
