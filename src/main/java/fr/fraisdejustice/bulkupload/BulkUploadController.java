package fr.fraisdejustice.bulkupload;

import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import fr.fraisdejustice.security.ProviderPrincipal;
import fr.fraisdejustice.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Dépôt flux")
class BulkUploadController {

    private final BulkUploads uploads;

    BulkUploadController(BulkUploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/bulk-uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Déposer un fichier XML de mémoires (depot-flux.xsd) : traité en tâche de fond")
    ResponseEntity<BulkUploads.Received> upload(@RequestPart(name = "file", required = false) MultipartFile file,
                                                @AuthenticationPrincipal ProviderPrincipal me) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(uploads.receive(file, me.accountId()));
    }

    @GetMapping("/api/bulk-uploads/{uploadId}")
    @Operation(summary = "Le compte rendu d'un dépôt flux : par mémoire, son numéro MJ ou ses motifs de refus")
    BulkUploads.Report report(@PathVariable String uploadId, @AuthenticationPrincipal ProviderPrincipal me) {
        UUID id;
        try {
            id = UUID.fromString(uploadId);
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "UPLOAD_NOT_FOUND", "Aucun de vos dépôts flux ne porte cet identifiant.");
        }
        return uploads.report(id, me.accountId());
    }

    @GetMapping(path = "/api/reference/depot-flux.xsd", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "Le schéma XML du dépôt flux (anonyme)")
    ResponseEntity<ClassPathResource> schema() {
        return ResponseEntity.ok(new ClassPathResource("bulk/depot-flux.xsd"));
    }

    @GetMapping(path = "/api/reference/depot-flux-exemple.xml", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "Un exemple de dépôt flux (anonyme)")
    ResponseEntity<ClassPathResource> sample() {
        return ResponseEntity.ok(new ClassPathResource("bulk/depot-flux-exemple.xml"));
    }
}
