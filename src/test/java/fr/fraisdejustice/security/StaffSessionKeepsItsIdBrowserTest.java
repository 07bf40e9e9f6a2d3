package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * A staff member's Camunda session stands for him on the staff API without being renewed at each request: a renewed id
 * left the page's other requests, sent with the former one, without a session (the analysts' page saw « Identifiez-vous »
 * on some of its sections, at random).
 */
@IntegrationTest
class StaffSessionKeepsItsIdBrowserTest extends BrowserTest {

    private String sessionCookie() {
        return context.cookies().stream().filter(c -> c.name.equals("SESSION")).findFirst().orElseThrow().value;
    }

    @Test
    void theStaffApiKeepsTheSessionIdAndConcurrentRequestsAllPass() {
        context.request().get(url("/camunda/app/welcome/default/"));
        String csrf = context.cookies().stream().filter(c -> c.name.equals("XSRF-TOKEN")).findFirst().orElseThrow().value;
        assertThat(context.request().post(url("/camunda/api/admin/auth/user/default/login/welcome"), RequestOptions.create()
                .setHeader("X-XSRF-TOKEN", csrf)
                .setForm(FormData.create().set("username", "claire.durand").set("password", "Analyste-2026"))).status())
                .isEqualTo(200);
        String loggedIn = sessionCookie();

        for (String path : List.of("/api/staff/me", "/api/models/definitions", "/api/staff/me")) {
            assertThat(context.request().get(url(path)).status()).as(path).isEqualTo(200);
        }
        assertThat(sessionCookie()).isEqualTo(loggedIn);

        // six requests at once from the page, as the analysts' page sends its sections' requests
        page.navigate(url("/analyse"));
        Object statuses = page.evaluate("Promise.all([...Array(6)].map(() => fetch('/api/models/definitions', "
                + "{headers: {'X-Requested-With': 'XMLHttpRequest'}}).then(r => r.status)))");
        assertThat((List<?>) statuses).hasSize(6).allSatisfy(status -> assertThat(((Number) status).intValue()).isEqualTo(200));
        assertThat(sessionCookie()).isEqualTo(loggedIn);
    }
}
