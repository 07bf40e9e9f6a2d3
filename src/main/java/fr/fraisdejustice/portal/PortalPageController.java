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

/** Renders every portal page from one shell: the page's form and API call are data, the browser code does the rest. */
@RestController
@Hidden
class PortalPageController {

    static final List<PortalPage> PAGES = Stream.of(AccountPages.PAGES, StructurePages.PAGES, MemoirePages.PAGES,
            WorkspacePages.PAGES, TicketPages.PAGES).flatMap(List::stream).toList();

    private final Map<String, PortalPage> byPath =
            PAGES.stream().collect(Collectors.toMap(PortalPage::path, Function.identity()));
    private final String shell;

    PortalPageController() throws IOException {
        try (InputStream in = new ClassPathResource("portal/page.html").getInputStream()) {
            this.shell = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @GetMapping(path = "/portail/{page}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        PortalPage page = byPath.get(request.getRequestURI());
        if (page == null) {
            return ResponseEntity.notFound().build();
        }
        String html = shell
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
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value == null ? "" : value, "UTF-8");
    }
}
