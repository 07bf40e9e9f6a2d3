package fr.fraisdejustice.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.LoadState;

/**
 * axe-core on every page of ours a browser test opens: the home page, {@code /portail/**} and {@code /analyse}. Camunda's own webapps
 * (Tasklist, Cockpit, Admin, under {@code /camunda/}) are not ours to fix and are left out, as is Swagger UI.
 * <p>
 * How: an init script loads axe into each of our pages; once a page has loaded and its DOM has been quiet for a
 * moment, the page audits itself and reports through a binding, which only records (Playwright's event handlers must
 * not call back into the page). At the end of the test, each page still open is audited in its final state, and any
 * page of ours that was left before it had settled is opened again in the same browser and audited there. Only
 * serious and critical violations fail the test, as does any refusal of the Content-Security-Policy on our pages.
 */
final class AccessibilityAudit {

    private static final Path AXE = Path.of("portal/node_modules/axe-core/axe.min.js");
    private static final String SCRIPT = script();

    private final Set<String> visited = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Set<String> audited = Collections.synchronizedSet(new LinkedHashSet<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final BrowserContext context;
    private volatile boolean closed;

    /** Audits the pages of this browser context from now on. */
    AccessibilityAudit(BrowserContext context) {
        this.context = context;
        context.onClose(c -> closed = true);
        context.exposeBinding("__fdjAxeVisited", (source, args) -> {
            visited.add(String.valueOf(args[0]));
            return null;
        });
        context.exposeBinding("__fdjAxeReport", (source, args) -> {
            audited.add(String.valueOf(args[0]));
            record(String.valueOf(args[0]), String.valueOf(args[1]));
            return null;
        });
        context.addInitScript(SCRIPT);
        // what the Content-Security-Policy refuses (a style, a font, a script DSFR or form-js would load) fails too
        context.onConsoleMessage(message -> {
            String url = message.page() == null ? "" : message.page().url();
            if (message.text().contains("Content Security Policy") && isOurs(url)) {
                record(url, "CSP : " + message.text());
            }
        });
    }

    private static boolean isOurs(String url) {
        String path = url.replaceFirst("^https?://[^/]+", "");
        return path.isEmpty() || path.equals("/") || path.startsWith("/?") || path.startsWith("/index.html") || path.startsWith("/portail/")
                || path.equals("/analyse") || path.startsWith("/analyse?") || path.startsWith("/analyse#");
    }

    /**
     * Audits the final state of every open page of ours, then the pages left before they settled (a context its test
     * closed already keeps what its pages reported).
     */
    void auditWhatIsLeft() {
        if (closed) {
            return;
        }
        for (Page open : List.copyOf(context.pages())) {
            auditNow(open, open.url());
        }
        List<String> missed = new ArrayList<>(visited);
        missed.removeAll(audited);
        for (String url : missed) {
            Page again = context.newPage();
            try {
                again.navigate(url);
                again.waitForLoadState(LoadState.NETWORKIDLE);
                auditNow(again, url);
            } catch (PlaywrightException e) {
                violations.add(url + " : la page n'a pas pu être rouverte pour l'audit d'accessibilité (" + e.getMessage() + ")");
            } finally {
                again.close();
            }
        }
    }

    /** Every serious or critical violation found, one line each: page, rule, impact, targets, help. */
    List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    private void auditNow(Page page, String url) {
        try {
            Object report = page.evaluate("() => window.__fdjAxeCheck ? window.__fdjAxeCheck() : null");
            if (report != null) {
                audited.add(url);
                record(url, report.toString());
            }
        } catch (PlaywrightException e) {
            // the page was navigating or closing: its loads were recorded and are audited as missed pages
        }
    }

    private void record(String url, String report) {
        if (!report.isBlank() && !"[]".equals(report)) {
            for (String line : report.split("\n")) {
                String entry = url + " : " + line;
                synchronized (violations) {
                    if (!violations.contains(entry)) {
                        violations.add(entry);
                    }
                }
            }
        }
    }

    private static String script() {
        String axe;
        try {
            axe = Files.readString(AXE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core est introuvable en " + AXE + " : lancez npm ci dans portal/", e);
        }
        return """
                (() => {
                  const path = location.pathname;
                  // our pages only: the home page and the portal (Camunda's webapps and Swagger UI are not ours)
                  if (!(location.protocol === 'http:' && (path === '/' || path === '/index.html' || path.startsWith('/portail/') || path === '/analyse'))) {
                    return;
                  }
                """ + axe + """

                  const options = {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                    resultTypes: ['violations'],
                  };
                  const settled = () => new Promise((resolve) => {
                    let quiet;
                    const done = () => { observer.disconnect(); clearTimeout(quiet); resolve(); };
                    const observer = new MutationObserver(() => { clearTimeout(quiet); quiet = setTimeout(done, 400); });
                    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
                    quiet = setTimeout(done, 400);
                    setTimeout(done, 5000);
                  });
                  const report = (results) => results.violations
                    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                    .map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')} — ${v.helpUrl}`)
                    .join('\\n');
                  let running = Promise.resolve('');
                  // one audit at a time: axe refuses to run twice at once
                  window.__fdjAxeCheck = () => {
                    running = running.catch(() => '').then(() => settled()).then(() => axe.run(document, options)).then(report);
                    return running;
                  };
                  window.addEventListener('load', () => {
                    const href = location.href;
                    if (window.__fdjAxeVisited) {
                      window.__fdjAxeVisited(href);
                    }
                    window.__fdjAxeCheck().then((found) => window.__fdjAxeReport && window.__fdjAxeReport(href, found));
                  });
                })();
                """;
    }
}
