package fr.fraisdejustice.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import fr.fraisdejustice.staff.StaffGroups;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.OfficeTaskProcess;

/** A clerk logs into Tasklist and finds his office's work there, and only his office's. */
@IntegrationTest
class TasklistBrowserTest extends BrowserTest {

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    @Autowired
    ProcessEngine engine;

    OfficeTaskProcess process;

    @BeforeEach
    void startTasks() {
        process = new OfficeTaskProcess(engine).deploy();
        process.start("MJ0000000101", StaffGroups.greffe("TJ75101"));
        process.start("MJ0000000102", StaffGroups.greffe("TJ69383"));
    }

    @AfterEach
    void removeTasks() {
        process.undeploy();
    }

    @Test
    void aParisClerkLogsInAndSeesOnlyTheParisTask() {
        org.assertj.core.api.Assertions.assertThat(logIn("camille.martin", "Greffe-Paris-2026").status()).isEqualTo(200);
        page.navigate(url(TASKLIST));

        assertThat(page.getByText("Camille Martin").first()).isVisible();
        assertThat(page.getByText("Tâches de mes services").first()).isVisible();
        assertThat(page.getByText("Contrôler le mémoire MJ0000000101").first()).isVisible();
        assertThat(page.getByText("Contrôler le mémoire MJ0000000102")).hasCount(0);
    }

    @Test
    void aWrongPasswordKeepsTheClerkOut() {
        // another clerk than the other test's: Camunda throttles a user's logins after a failure
        org.assertj.core.api.Assertions.assertThat(logIn("karim.haddad", "pas-le-bon").status()).isEqualTo(401);
        page.navigate(url(TASKLIST));

        assertThat(page.locator("form[name='signinForm']")).isVisible();
        assertThat(page.getByText("Contrôler le mémoire")).hasCount(0);
    }

    /**
     * Logs in through the browser's own session with the request Tasklist's login form sends (form-encoded credentials,
     * Camunda's CSRF token echoed from its cookie). Typing into that AngularJS form from Playwright does not reach its
     * model in this Chromium, so the test posts what the form would post, then uses the real Tasklist pages.
     */
    private APIResponse logIn(String user, String password) {
        page.navigate(url(TASKLIST));
        page.locator("form[name='signinForm']").waitFor();
        String csrf = context.cookies().stream().filter(c -> c.name.equals("XSRF-TOKEN")).findFirst()
                .orElseThrow().value;
        return context.request().post(url("/camunda/api/admin/auth/user/default/login/tasklist"),
                RequestOptions.create()
                        .setHeader("X-XSRF-TOKEN", csrf)
                        .setForm(FormData.create().set("username", user).set("password", password)));
    }
}
