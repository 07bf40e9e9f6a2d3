package fr.fraisdejustice.memoire;

import java.security.Principal;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What the Tasklist forms link to: a mémoire's attachments, for the staff of the offices that handle it. */
@RestController
@Tag(name = "Personnel")
class StaffMemoireController {

    private final MemoireAttachments attachments;
    private final IdentityService identity;

    StaffMemoireController(MemoireAttachments attachments, IdentityService identity) {
        this.attachments = attachments;
        this.identity = identity;
    }

    @GetMapping("/api/staff/memoires/{number}/attachments/{attachmentId}")
    @Operation(summary = "Une pièce jointe d'un mémoire envoyé, pour le personnel des services qui le traitent (Basic)")
    ResponseEntity<byte[]> attachment(@PathVariable String number, @PathVariable UUID attachmentId, Principal staff) {
        Set<String> groups = identity.createGroupQuery().groupMember(staff.getName()).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        return MemoireAttachmentController.download(
                attachments.staffContent(MemoireNumbers.normalize(number), attachmentId, groups));
    }
}
