package fr.fraisdejustice.security;

import java.net.URI;
import java.util.Locale;

import org.springframework.util.StringUtils;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request comes from, as far as a browser tells: its Origin, its Sec-Fetch headers, what it accepts. */
final class RequestOrigins {

    private RequestOrigins() {
    }

    static boolean changesState(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> true;
        };
    }

    static boolean carriesBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /**
     * No Origin (a machine client, or a same-origin GET), or an Origin equal to this application's own address as the
     * request reached it (behind the proxy, the forwarded headers make it the public one) or as configured.
     */
    static boolean sameOriginOrNone(HttpServletRequest request, String publicUrl) {
        String origin = request.getHeader("Origin");
        if (!StringUtils.hasText(origin)) {
            return true;
        }
        String normalized = normalize(origin);
        return normalized.equals(ownOrigin(request)) || (StringUtils.hasText(publicUrl) && normalized.equals(normalize(publicUrl)));
    }

    /** A browser says so with its fetch metadata, its AJAX marker or by asking for a page. */
    static boolean fromBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("X-Requested-With") != null
                || (accept != null && accept.contains("text/html"));
    }

    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static String normalize(String address) {
        try {
            URI uri = URI.create(address.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT))
                    + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "invalid:" + address;
        }
    }
}
