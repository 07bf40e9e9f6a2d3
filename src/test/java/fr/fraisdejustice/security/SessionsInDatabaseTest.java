package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.PortalSession;

/** Sessions live in PostgreSQL, indexed by account: a password change ends the account's other sessions. */
@IntegrationTest
class SessionsInDatabaseTest {

    static final String PASSWORD = "Expertise-2026!";

    @Autowired
    Providers providers;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aPortalSessionIsARowIndexedByTheAccount() {
        Providers.Provider provider = providers.withOwnStructure();
        PortalSession.logIn(http, provider.email(), PASSWORD);

        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
                provider.accountId().toString())).isEqualTo(1);
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndKeepsTheOneThatAsked() {
        Providers.Provider provider = providers.withOwnStructure();
        PortalSession laptop = PortalSession.logIn(http, provider.email(), PASSWORD);
        PortalSession phone = PortalSession.logIn(http, provider.email(), PASSWORD);

        var change = laptop.json("POST", "/api/me/password", """
                {"currentPassword": "%s", "newPassword": "Nouveau-Mot-2026", "newPasswordConfirmation": "Nouveau-Mot-2026"}
                """.formatted(PASSWORD));

        assertThat(change.statusCode()).isEqualTo(204);
        assertThat(laptop.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(phone.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void tasklistKeepsItsLoginUnderConcurrentRequestsWithSessionsInTheDatabase() throws Exception {
        var page = http.get("/camunda/app/tasklist/default/");
        String csrf = cookie(page, "XSRF-TOKEN");
        var login = http.send(http.request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .header("Cookie", "SESSION=" + cookie(page, "SESSION") + "; XSRF-TOKEN=" + csrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=camille.martin&password=Greffe-Paris-2026")));
        assertThat(login.statusCode()).isEqualTo(200);
        String cookies = "SESSION=" + cookie(login, "SESSION") + "; XSRF-TOKEN=" + csrf;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            var calls = java.util.stream.IntStream.range(0, 30).mapToObj(i -> java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> http.send(http.request("/camunda/api/engine/engine/default/task/count")
                            .header("Cookie", cookies)).statusCode(), pool)).toList();
            assertThat(calls.stream().map(java.util.concurrent.CompletableFuture::join)).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(http.send(http.request("/camunda/api/admin/auth/user/default").header("Cookie", cookies)).body())
                .as("still logged in after them").contains("camille.martin");
    }

    @Test
    void aSessionDiesTwelveHoursAfterItsCreationHoweverBusy() throws Exception {
        Instant now = Instant.parse("2026-12-02T20:00:00Z");
        AbsoluteSessionTimeout timeout = new AbsoluteSessionTimeout(Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC));
        MockHttpSession young = new SessionCreatedAt(now.minus(Duration.ofHours(11)));
        MockHttpSession old = new SessionCreatedAt(now.minus(Duration.ofHours(13)));

        timeout.doFilter(withSession(young), new MockHttpServletResponse(), new MockFilterChain());
        timeout.doFilter(withSession(old), new MockHttpServletResponse(), new MockFilterChain());

        assertThat(young.isInvalid()).isFalse();
        assertThat(old.isInvalid()).isTrue();
    }

    private static String cookie(java.net.http.HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("pas de cookie " + name)).split(";")[0].substring(name.length() + 1);
    }

    private static MockHttpServletRequest withSession(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.setSession(session);
        return request;
    }

    static final class SessionCreatedAt extends MockHttpSession {
        private final long created;

        SessionCreatedAt(Instant created) {
            this.created = created.toEpochMilli();
        }

        @Override
        public long getCreationTime() {
            return created;
        }
    }
}
