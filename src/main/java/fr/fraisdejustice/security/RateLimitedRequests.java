package fr.fraisdejustice.security;

import static fr.fraisdejustice.security.RateLimitCharge.ALL_BUT_BAD_INPUT;
import static fr.fraisdejustice.security.RateLimitCharge.EVERY_ANSWER;
import static fr.fraisdejustice.security.RateLimitCharge.FAILED_LOGIN;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which limits a request counts against: the anonymous endpoints per client address, and logins per address and per
 * account; the steps that mail a login e-mail also per e-mail.
 */
final class RateLimitedRequests {

    /** « Je n'ai pas pu activer mon compte » (also in PublicEndpoints.ANONYMOUS_STEPS). */
    static final String ACTIVATION_HELP = "/api/activation-help";
    static final String ACCOUNT_CREATION = "/api/accounts";
    static final String PASSWORD_RESET = "/api/password-reset";
    static final String CAMUNDA_LOGIN = "/camunda/api/admin/auth/user/*/login/*";

    private static final List<PathPattern> READS = patterns(PublicEndpoints.API_READS);
    private static final List<PathPattern> STEPS = patterns(
            Stream.concat(Arrays.stream(PublicEndpoints.ANONYMOUS_STEPS), Stream.of(ACTIVATION_HELP)).toArray(String[]::new));
    private static final PathPattern CAMUNDA_LOGIN_PATTERN = PathPatternParser.defaultInstance.parse(CAMUNDA_LOGIN);
    private static final List<String> MAILING_STEPS = List.of(ACCOUNT_CREATION, PASSWORD_RESET, ACTIVATION_HELP);
    /** E-mail addresses are at most 254 characters; a longer "target" is not worth more memory. */
    private static final int MAX_KEY = 320;

    private final ObjectMapper json;

    RateLimitedRequests(ObjectMapper json) {
        this.json = json;
    }

    /** The request as the rest of the chain must see it: with its body readable again when the limits read it first. */
    HttpServletRequest readable(HttpServletRequest request) throws IOException {
        String path = path(request);
        boolean targetInBody = isPost(request) && (path.equals(PublicEndpoints.SESSION) || MAILING_STEPS.contains(path)
                || matches(CAMUNDA_LOGIN_PATTERN, path));
        return targetInBody ? new RereadableBodyRequest(request) : request;
    }

    List<RateLimitCharge> chargesOf(HttpServletRequest request) {
        String path = path(request);
        String address = ClientAddress.of(request);
        List<RateLimitCharge> charges = new ArrayList<>();
        if (isLogin(request, path)) {
            charges.add(new RateLimitCharge(RateLimit.LOGIN_PER_ADDRESS, address, FAILED_LOGIN));
            String account = loginName(request, path);
            if (account != null) {
                charges.add(new RateLimitCharge(RateLimit.LOGIN_PER_ACCOUNT, account, FAILED_LOGIN));
            }
        }
        if (HttpMethod.GET.matches(request.getMethod()) && matches(READS, path)) {
            charges.add(new RateLimitCharge(RateLimit.ANONYMOUS_READS, address, EVERY_ANSWER));
        }
        if (isPost(request) && matches(STEPS, path)) {
            charges.add(new RateLimitCharge(RateLimit.ANONYMOUS_STEPS, address, EVERY_ANSWER));
            String email = MAILING_STEPS.contains(path) ? loginEmailInBody(request) : null;
            if (email != null && path.equals(ACCOUNT_CREATION)) {
                charges.add(new RateLimitCharge(RateLimit.ACCOUNT_CREATION_PER_EMAIL, email, ALL_BUT_BAD_INPUT));
            } else if (email != null) {
                charges.add(new RateLimitCharge(RateLimit.STEPS_PER_EMAIL, email, EVERY_ANSWER));
            }
        }
        return charges;
    }

    private static boolean isLogin(HttpServletRequest request, String path) {
        if (basicUser(request) != null) {
            return path.startsWith("/api/") || path.startsWith("/engine-rest/");
        }
        return isPost(request) && (path.equals(PublicEndpoints.SESSION) || matches(CAMUNDA_LOGIN_PATTERN, path));
    }

    private String loginName(HttpServletRequest request, String path) {
        String basicUser = basicUser(request);
        if (basicUser != null) {
            return normalized(basicUser);
        }
        if (path.equals(PublicEndpoints.SESSION)) {
            return loginEmailInBody(request);
        }
        // from the body, not getParameter(): Camunda's login resource (Jersey) reads the form itself, and warns in the
        // log when a filter made the container parse it first
        return formFieldInBody(request, "username");
    }

    /** The user of an HTTP Basic header, even one with a wrong password; null without one. */
    private static String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? credentials : credentials.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private String loginEmailInBody(HttpServletRequest request) {
        if (!(request instanceof RereadableBodyRequest readAhead)) {
            return null;
        }
        return readAhead.body().map(body -> {
            try {
                JsonNode field = json.readTree(body).path("loginEmail");
                return field.isTextual() ? normalized(field.asText()) : null;
            } catch (IOException e) {
                // unreadable JSON: the controller answers 400, the limits per address still apply
                return null;
            }
        }).orElse(null);
    }

    private static String formFieldInBody(HttpServletRequest request, String name) {
        if (!(request instanceof RereadableBodyRequest readAhead)) {
            return null;
        }
        String form = readAhead.body().map(body -> new String(body, StandardCharsets.UTF_8)).orElse("");
        for (String field : form.split("&")) {
            int equals = field.indexOf('=');
            if (equals > 0 && field.substring(0, equals).equals(name)) {
                try {
                    return normalized(URLDecoder.decode(field.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String normalized(String target) {
        if (target == null || target.isBlank()) {
            return null;
        }
        String key = target.trim().toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }

    private static boolean isPost(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod());
    }

    /** Decoded, without ;parameters or doubled slashes: how the application will route it. */
    private static String path(HttpServletRequest request) {
        return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    }

    private static boolean matches(List<PathPattern> patterns, String path) {
        return patterns.stream().anyMatch(pattern -> matches(pattern, path));
    }

    private static boolean matches(PathPattern pattern, String path) {
        return pattern.matches(PathContainer.parsePath(path));
    }

    private static List<PathPattern> patterns(String[] paths) {
        return Arrays.stream(paths).map(PathPatternParser.defaultInstance::parse).toList();
    }
}
