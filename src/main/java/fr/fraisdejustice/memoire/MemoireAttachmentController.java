package fr.fraisdejustice.memoire;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import fr.fraisdejustice.security.ProviderPrincipal;
import fr.fraisdejustice.shared.StoredFiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Mémoires")
class MemoireAttachmentController {

    private final MemoireAttachments attachments;

    MemoireAttachmentController(MemoireAttachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(path = "/api/memoires/{number}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Joindre une pièce au mémoire ou à l'une de ses lignes (PDF, PNG, JPEG, TIFF ; 10 Mo)")
    MemoireAttachments.AttachmentView add(@PathVariable String number,
                                          @RequestPart(name = "file", required = false) MultipartFile file,
                                          @RequestParam(required = false) String kind,
                                          @RequestParam(required = false) UUID lineId,
                                          @RequestParam(required = false) String designation,
                                          @AuthenticationPrincipal ProviderPrincipal me) {
        return attachments.add(number, file, kind, lineId, designation, me.accountId());
    }

    @GetMapping("/api/memoires/{number}/available-attachments")
    @Operation(summary = "Les pièces disponibles : documents des autres mémoires de la structure, à joindre de nouveau")
    List<MemoireAttachments.AvailableView> available(@PathVariable String number,
                                                     @AuthenticationPrincipal ProviderPrincipal me) {
        return attachments.available(number, me.accountId());
    }

    @PostMapping("/api/memoires/{number}/attachments/reuse")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Joindre au brouillon l'une des pièces disponibles (nature, ligne et désignation facultatives)")
    MemoireAttachments.AttachmentView reuse(@PathVariable String number, @RequestBody Reuse request,
                                            @AuthenticationPrincipal ProviderPrincipal me) {
        return attachments.reuse(number, request.attachmentId(), request.kind(), request.lineId(), request.designation(),
                me.accountId());
    }

    record Reuse(UUID attachmentId, String kind, UUID lineId, String designation) {
    }

    @GetMapping("/api/memoires/{number}/attachments")
    @Operation(summary = "Les pièces jointes du mémoire")
    List<MemoireAttachments.AttachmentView> list(@PathVariable String number, @AuthenticationPrincipal ProviderPrincipal me) {
        return attachments.of(number, me.accountId());
    }

    @GetMapping("/api/memoires/{number}/attachments/{attachmentId}")
    @Operation(summary = "Le contenu d'une pièce jointe")
    ResponseEntity<byte[]> content(@PathVariable String number, @PathVariable UUID attachmentId,
                                   @AuthenticationPrincipal ProviderPrincipal me) {
        return download(attachments.content(number, attachmentId, me.accountId()));
    }

    /** PDF, PNG and JPEG open in the browser, TIFF is downloaded (StoredFiles). */
    static ResponseEntity<byte[]> download(MemoireAttachments.Content content) {
        return StoredFiles.response(content.fileName(), content.mediaType(), content.bytes());
    }

    @DeleteMapping("/api/memoires/{number}/attachments/{attachmentId}")
    @Operation(summary = "Retirer une pièce jointe d'un brouillon")
    ResponseEntity<Void> remove(@PathVariable String number, @PathVariable UUID attachmentId,
                                @AuthenticationPrincipal ProviderPrincipal me) {
        attachments.remove(number, attachmentId, me.accountId());
        return ResponseEntity.noContent().build();
    }
}
