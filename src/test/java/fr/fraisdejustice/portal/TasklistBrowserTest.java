package fr.fraisdejustice.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.APIResponse;

import fr.fraisdejustice.shared.StaffGroups;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.OfficeTaskProcess;

/** A clerk logs into Tasklist and finds his office's work there, and only his office's. */
@IntegrationTest
class TasklistBrowserTest extends BrowserTest {

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

    private APIResponse logIn(String user, String password) {
        return logInToTasklist(context, page, user, password);
    }
}
