package fr.fraisdejustice.structure;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.web.ApiException;

/**
 * Who belongs to a structure, as its gestionnaire principal manages it: membership requests approved or refused (the
 * requester is told by mail), roles and profiles, and the hand-over of the gestionnaire principal role, of which a
 * structure always has exactly one.
 */
@Service
@Transactional
class Memberships {

    /** Published when a request is decided; the requester is mailed after commit. */
    record RequestDecided(UUID requesterId, String structureName, boolean approved) {
    }

    /** Published when someone asks to join; the gestionnaire principal is mailed after commit. */
    record RequestMade(UUID requesterId, UUID managerId, UUID structureId, String structureName) {
    }

    private static final Set<String> PROFILES = Set.of(Membership.CONSULTATION, Membership.MODIFICATION);

    private final Structures structures;
    private final MembershipRepository memberships;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Memberships(Structures structures, MembershipRepository memberships, ApplicationEventPublisher events, Clock clock) {
        this.structures = structures;
        this.memberships = memberships;
        this.events = events;
        this.clock = clock;
    }

    List<Membership> members(UUID structureId, UUID accountId) {
        structures.requireMember(structureId, accountId);
        return memberships.findByStructureIdAndStatusOrderByRequestedAt(structureId, Membership.Status.ACTIVE);
    }

    List<Membership> requests(UUID structureId, UUID accountId) {
        structures.requirePrincipalManager(structureId, accountId);
        return memberships.findByStructureIdAndStatusOrderByRequestedAt(structureId, Membership.Status.REQUESTED);
    }

    /** An account asks to join a structure it knows the id of (from its identifier). */
    Membership request(UUID structureId, UUID accountId) {
        Structure structure = structures.byId(structureId);
        memberships.findByStructureIdAndAccountId(structureId, accountId).ifPresent(existing -> {
            if (existing.status() != Membership.Status.REFUSED) {
                throw new ApiException(HttpStatus.CONFLICT, "ALREADY_REQUESTED", existing.status() == Membership.Status.ACTIVE
                        ? "Vous êtes déjà membre de cette structure."
                        : "Votre demande de rattachement attend déjà la réponse du gestionnaire principal.");
            }
            memberships.delete(existing);
            memberships.flush();
        });
        Membership request = memberships.save(Membership.request(structureId, accountId, clock.instant()));
        manager(structureId).ifPresent(manager ->
                events.publishEvent(new RequestMade(accountId, manager.accountId(), structureId, structure.name())));
        return request;
    }

    Membership decide(UUID structureId, UUID requestId, UUID managerId, boolean approve) {
        Structure structure = structures.requirePrincipalManager(structureId, managerId);
        Membership request = memberships.findById(requestId).filter(m -> m.structureId().equals(structureId))
                .filter(m -> m.status() == Membership.Status.REQUESTED)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "REQUEST_NOT_FOUND",
                        "Cette demande de rattachement n'existe pas ou a déjà reçu une réponse."));
        if (approve) {
            request.approve(clock.instant());
        } else {
            request.refuse(clock.instant());
        }
        events.publishEvent(new RequestDecided(request.accountId(), structure.name(), approve));
        return request;
    }

    Membership change(UUID structureId, UUID memberId, UUID managerId, MembershipRole role, List<String> profiles) {
        structures.requirePrincipalManager(structureId, managerId);
        Membership member = activeMember(structureId, memberId);
        if (member.role() == MembershipRole.PRINCIPAL_MANAGER || role == MembershipRole.PRINCIPAL_MANAGER) {
            throw new ApiException(HttpStatus.CONFLICT, "USE_HANDOVER",
                    "Le rôle de gestionnaire principal se transmet par « Transmettre le rôle de gestionnaire principal ».");
        }
        if (role != null) {
            member.changeRole(role);
        }
        if (profiles != null) {
            if (profiles.isEmpty() || !PROFILES.containsAll(profiles)) {
                throw ApiException.invalidField("profiles", "INVALID_VALUE",
                        "Choisissez au moins un profil parmi « Frais de justice consultation » et « Frais de justice modification ».");
            }
            member.changeProfiles(profiles);
        }
        return member;
    }

    /** The gestionnaire principal hands his role to another member and becomes a gestionnaire. */
    void handOver(UUID structureId, UUID managerId, UUID successorId) {
        structures.requirePrincipalManager(structureId, managerId);
        if (successorId == null || successorId.equals(managerId)) {
            throw ApiException.invalidField("accountId", "INVALID_VALUE", "Choisissez un autre membre de la structure.");
        }
        Membership successor = activeMember(structureId, successorId);
        Membership current = activeMember(structureId, managerId);
        current.changeRole(MembershipRole.MANAGER);
        memberships.flush();
        successor.changeRole(MembershipRole.PRINCIPAL_MANAGER);
        successor.changeProfiles(List.copyOf(PROFILES));
    }

    private Membership activeMember(UUID structureId, UUID accountId) {
        return memberships.findByStructureIdAndAccountId(structureId, accountId)
                .filter(m -> m.status() == Membership.Status.ACTIVE)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "MEMBER_NOT_FOUND",
                        "Cette personne n'est pas membre de la structure."));
    }

    private Optional<Membership> manager(UUID structureId) {
        return memberships.findByStructureIdAndRoleAndStatus(structureId, MembershipRole.PRINCIPAL_MANAGER,
                Membership.Status.ACTIVE);
    }
}
