package fr.fraisdejustice.support;

import java.net.http.HttpResponse;

/** A provider logged into the portal the way the browser does: CSRF cookie first, then the session login. */
public record PortalSession(Http http, String session, String csrf) {

    public static PortalSession logIn(Http http, String loginEmail, String password) {
        String csrf = cookie(http.get("/portail/connexion"), "XSRF-TOKEN");
        var login = http.json("POST", "/api/session",
                "{\"loginEmail\":\"" + loginEmail + "\",\"password\":\"" + password + "\"}",
                "Cookie", "XSRF-TOKEN=" + csrf, "X-XSRF-TOKEN", csrf);
        if (login.statusCode() != 204) {
            throw new AssertionError("Connexion refusée (" + login.statusCode() + ") : " + login.body());
        }
        return new PortalSession(http, cookie(login, "SESSION"), csrf);
    }

    public HttpResponse<String> get(String path) {
        return http.send(http.request(path).header("Cookie", cookies()).header("X-Requested-With", "XMLHttpRequest"));
    }

    public HttpResponse<String> json(String method, String path, String body) {
        return http.json(method, path, body, "Cookie", cookies(), "X-XSRF-TOKEN", csrf,
                "X-Requested-With", "XMLHttpRequest");
    }

    private String cookies() {
        return "SESSION=" + session + "; XSRF-TOKEN=" + csrf;
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("Pas de cookie " + name))
                .split(";")[0].substring(name.length() + 1);
    }
}
