package fr.fraisdejustice.ticket;

import java.security.Principal;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.StaffGroups;
import fr.fraisdejustice.shared.StoredFiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What the handle-ticket form links to: the ticket's documents (PDF, PNG, JPEG open in the browser), for its recipient
 * group, the support and admins.
 */
@RestController
@Tag(name = "Personnel")
class StaffTicketController {

    private final SupportTicketRepository tickets;
    private final TicketAttachmentRepository attachments;
    private final IdentityService identity;

    StaffTicketController(SupportTicketRepository tickets, TicketAttachmentRepository attachments, IdentityService identity) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.identity = identity;
    }

    @GetMapping("/api/staff/tickets/{number}/attachments/{attachmentId}")
    @Transactional(readOnly = true)
    @Operation(summary = "Une pièce jointe de sollicitation, pour le groupe destinataire et le support (Basic)")
    ResponseEntity<byte[]> attachment(@PathVariable String number, @PathVariable UUID attachmentId, Principal staff) {
        Set<String> groups = identity.createGroupQuery().groupMember(staff.getName()).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        SupportTicket ticket = tickets.findByNumber(Tickets.normalize(number))
                .filter(t -> groups.contains(t.recipientGroup()) || groups.contains(StaffGroups.SUPPORT)
                        || groups.contains(Groups.CAMUNDA_ADMIN))
                .orElseThrow(Tickets::notFound);
        TicketAttachment attachment = attachments.findById(attachmentId).filter(a -> a.ticketId().equals(ticket.id()))
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "ATTACHMENT_NOT_FOUND",
                        "Cette pièce jointe n'existe pas dans cette sollicitation."));
        return StoredFiles.response(attachment.fileName(), attachment.mediaType(), attachment.content());
    }
}
