package fr.fraisdejustice.memoire;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.security.ProviderPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Mémoires")
class MemoireDocumentController {

    private final MemoireDocuments documents;

    MemoireDocumentController(MemoireDocuments documents) {
        this.documents = documents;
    }

    @GetMapping(path = "/api/memoires/{number}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Visualiser le mémoire : en-tête, lignes, totaux par taux de TVA, pièces jointes, historique (PDF)")
    ResponseEntity<byte[]> document(@PathVariable String number, @AuthenticationPrincipal ProviderPrincipal me) {
        MemoireDocuments.Document pdf = documents.of(number, me.accountId());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.fileName()).build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf.pdf());
    }

    @PostMapping("/api/memoires/documents")
    @Operation(summary = "Télécharger les PDF de mémoires choisis (au plus 50) dans un fichier ZIP (application/zip)")
    ResponseEntity<byte[]> documents(@RequestBody Selection selection, @AuthenticationPrincipal ProviderPrincipal me) {
        byte[] zip = documents.zip(selection.numbers(), me.accountId());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("memoires.zip").build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(zip);
    }

    record Selection(List<String> numbers) {
    }
}
