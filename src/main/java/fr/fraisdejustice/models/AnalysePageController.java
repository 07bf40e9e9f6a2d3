package fr.fraisdejustice.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The analysts' page, /analyse, in the portal's shell (DSFR header and footer) with its own script: a shell holding no
 * data, like every portal page; what it shows comes from /api/models, which checks who asks (the staff member's
 * Camunda session, or nothing: the page then asks him to log in with his Camunda account).
 */
@RestController
@Hidden
class AnalysePageController {

    private final String page;

    AnalysePageController() throws IOException {
        String shell = read("portal/page.html");
        this.page = shell
                .replace("{{title}}", "Analyse des règles — frais-de-justice")
                .replace("{{main}}", read("analyse/page-main.html"))
                .replace("/assets/portal.css", "/assets/analyse.css")
                .replace("/assets/portal.js", "/assets/analyse.js");
    }

    @GetMapping(path = "/analyse", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
