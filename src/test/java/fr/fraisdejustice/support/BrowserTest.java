package fr.fraisdejustice.support;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

/** What a person clicks: one headless Chromium per test class, a fresh French-speaking browser context per test. */
public abstract class BrowserTest {

    protected static final String TASKLIST = "/camunda/app/tasklist/default/";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;
    private final List<AccessibilityAudit> audits = new ArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create();
        browser = Browsers.launch(playwright);
        // Tasklist loads its French texts and date-picker script before its first screen: give a busy 2-core machine time
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @AfterAll
    static void closeBrowser() {
        playwright.close();
    }

    @BeforeEach
    void openPage() {
        audits.clear();
        context = audited(browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR")));
        page = context.newPage();
    }

    /** Fails the test on any serious or critical accessibility violation found on a page of ours it opened. */
    @AfterEach
    void closePage() {
        List<String> violations = new ArrayList<>();
        try {
            for (AccessibilityAudit audit : audits) {
                audit.auditWhatIsLeft();
                violations.addAll(audit.violations());
            }
        } finally {
            context.close();
        }
        org.assertj.core.api.Assertions.assertThat(violations)
                .as("violations graves ou critiques d'accessibilité (axe-core) sur les pages visitées").isEmpty();
    }

    private BrowserContext audited(BrowserContext browserContext) {
        audits.add(new AccessibilityAudit(browserContext));
        return browserContext;
    }

    /** Logs a provider into the portal (the tests' providers share one password) and waits for « Mon compte ». */
    protected void logInToPortal(String email) {
        page.navigate(url("/portail/connexion"));
        page.getByLabel("Adresse électronique de connexion").fill(email);
        page.getByLabel("Mot de passe").fill("Expertise-2026!");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mon compte"))).isVisible();
    }

    /**
     * Types into a form-js field and leaves it. Our portal's forms take each keystroke at once (debounce: false); Tasklist's
     * own form-js debounces what is typed (300 ms) before its data sees it, so a click right after could submit the old
     * value there: the pause lets that debounce run out.
     */
    protected static void type(Locator field, String value) {
        field.fill(value);
        field.press("Tab");
        if (field.page().url().contains("/camunda/app/")) {
            field.page().waitForTimeout(350);
        }
    }

    /** Another person's browser, beside the test's own: a fresh French-speaking context, closed by the caller. */
    protected BrowserContext anotherBrowser() {
        return audited(browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR")));
    }

    /**
     * Logs into Tasklist in this browser with the request Tasklist's login form sends (form-encoded credentials,
     * Camunda's CSRF token echoed from its cookie). Typing into that AngularJS form from Playwright does not reach its
     * model in this Chromium, so the test posts what the form would post, then uses the real Tasklist pages.
     */
    protected APIResponse logInToTasklist(BrowserContext browserContext, Page browserPage, String user, String password) {
        browserPage.navigate(url(TASKLIST));
        browserPage.locator("form[name='signinForm']").waitFor();
        String csrf = browserContext.cookies().stream().filter(c -> c.name.equals("XSRF-TOKEN")).findFirst()
                .orElseThrow().value;
        return browserContext.request().post(url("/camunda/api/admin/auth/user/default/login/tasklist"),
                RequestOptions.create().setHeader("X-XSRF-TOKEN", csrf)
                        .setForm(FormData.create().set("username", user).set("password", password)));
    }

    /**
     * In the task form Tasklist shows, every table and every amount ({@code .fdj-num}, the forms' amount cells) ends
     * inside the form and inside the window: a clerk reads them without scrolling sideways.
     */
    protected static void assertTaskFormReadsWithoutScrollingSideways(Page tasklist) {
        Object overflowing = tasklist.locator(".fjs-container").evaluate("""
                form => {
                  const edge = Math.min(form.getBoundingClientRect().right, window.innerWidth) + 1;
                  return Array.from(form.querySelectorAll('table, .fdj-num'))
                      .filter(e => e.getBoundingClientRect().right > edge)
                      .map(e => e.tagName + ' « ' + e.textContent.trim().slice(0, 40) + ' »');
                }""");
        org.assertj.core.api.Assertions.assertThat((java.util.List<?>) overflowing)
                .as("ce qui dépasse à droite du formulaire, à lire en défilant de côté").isEmpty();
        org.assertj.core.api.Assertions.assertThat((Boolean) tasklist.evaluate(
                "() => document.scrollingElement.scrollWidth <= window.innerWidth")).isTrue();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
