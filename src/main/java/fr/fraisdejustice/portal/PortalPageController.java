package fr.fraisdejustice.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Renders the home page and every portal page in one shell (the DSFR header, navigation and footer): a page's form
 * and API call are data, the browser code does the rest.
 */
@RestController
@Hidden
class PortalPageController {

    static final List<PortalPage> PAGES = Stream.of(AccountPages.PAGES, StructurePages.PAGES, MemoirePages.PAGES,
            WorkspacePages.PAGES, TicketPages.PAGES).flatMap(List::stream).toList();

    private final Map<String, PortalPage> byPath =
            PAGES.stream().collect(Collectors.toMap(PortalPage::path, Function.identity()));
    private final String shell;
    private final String pageMain;
    private final String home;

    PortalPageController() throws IOException {
        this.shell = read("portal/page.html");
        this.pageMain = read("portal/page-main.html");
        this.home = read("portal/home.html");
    }

    @GetMapping(path = {"/", "/index.html"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> home() {
        return html(shell.replace("{{title}}", "frais-de-justice — portail des prestataires").replace("{{main}}", home));
    }

    @GetMapping(path = "/portail/{page}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        PortalPage page = byPath.get(request.getRequestURI());
        if (page == null) {
            return ResponseEntity.notFound().build();
        }
        String main = pageMain
                .replace("{{title}}", escape(page.title()))
                .replace("{{intro}}", escape(page.intro()))
                .replace("{{form}}", escape(page.formId()))
                .replace("{{method}}", escape(page.method()))
                .replace("{{action}}", escape(page.action()))
                .replace("{{result}}", escape(page.result()))
                .replace("{{next}}", escape(page.next()))
                .replace("{{urlFields}}", escape(page.urlFields()))
                .replace("{{check}}", escape(page.check()))
                .replace("{{multipart}}", escape(page.multipart()))
                .replace("{{lookups}}", escape(page.lookups()));
        return html(shell.replace("{{title}}", escape(page.title()) + " — frais-de-justice").replace("{{main}}", main));
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(body);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value == null ? "" : value, "UTF-8");
    }
}
