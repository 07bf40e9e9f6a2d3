package fr.fraisdejustice.portal;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.shared.DomainException;
import io.swagger.v3.oas.annotations.Hidden;

/** Serves the Camunda Forms of {@code forms/} to the portal's browser code, which renders them with form-js. */
@RestController
@Hidden
class PortalForms {

    private static final Pattern FORM_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @GetMapping(path = "/portail/formulaires/{formId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> form(@PathVariable String formId) throws IOException {
        ClassPathResource form = new ClassPathResource("forms/" + formId + ".form");
        if (!FORM_ID.matcher(formId).matches() || !form.exists()) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "FORM_NOT_FOUND", "Ce formulaire n'existe pas.");
        }
        try (InputStream content = form.getInputStream()) {
            return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(content.readAllBytes());
        }
    }
}
