package fr.fraisdejustice.security;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.fraisdejustice.shared.ProblemResponses;
import fr.fraisdejustice.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The staff's entrances: engine REST, the Camunda webapps' API and our staff API. What no Camunda authorization may open, since an administrator could grant it back: Camunda's first-administrator
 * setup (the first administrator comes from the deployment's settings), and deployments through the engine's APIs (a
 * deployed model runs expressions on the server; the models ship in the jar and analysts deploy through the guarded
 * models endpoint). Also: a state change with Basic credentials from another site's page is refused (the browser would
 * send cached credentials), and a browser is never asked for Basic credentials (its login box would cover Tasklist's).
 */
class StaffEntranceGuard extends OncePerRequestFilter {

    private static final Pattern SETUP = Pattern.compile("^/camunda/api/admin/setup(/.*)?$");
    private static final Pattern DEPLOYMENT = Pattern.compile(
            "^(/engine-rest|/camunda/api/engine/engine/[^/]+)/deployment/(create|[^/]+/redeploy)/?$");

    private final ProblemResponses problems;
    private final String publicUrl;

    StaffEntranceGuard(ProblemResponses problems, String publicUrl) {
        this.problems = problems;
        this.publicUrl = publicUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (SETUP.matcher(path).matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (DEPLOYMENT.matcher(path).matches()) {
            problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "DEPLOYMENT_REFUSED",
                    "Les modèles ne se déploient pas par l'API du moteur : ils sont livrés avec l'application, et les "
                            + "analystes les déploient par le dépôt gardé des modèles."));
            return;
        }
        if (RequestOrigins.changesState(request) && RequestOrigins.carriesBasicCredentials(request)
                && !RequestOrigins.sameOriginOrNone(request, publicUrl)) {
            problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "CROSS_SITE_REQUEST",
                    "Cette demande vient d'une page d'un autre site : elle est refusée. Agissez depuis l'application."));
            return;
        }
        chain.doFilter(request, RequestOrigins.fromBrowser(request) ? new WithoutBasicChallenge(response) : response);
    }

    /** Drops the Basic challenge that Camunda's engine REST authentication adds to its 401. */
    static final class WithoutBasicChallenge extends HttpServletResponseWrapper {

        WithoutBasicChallenge(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"WWW-Authenticate".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"WWW-Authenticate".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
