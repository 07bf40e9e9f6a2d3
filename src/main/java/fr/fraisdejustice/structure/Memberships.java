package fr.fraisdejustice.structure;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.security.AccountSessions;
import fr.fraisdejustice.shared.DomainException;

/**
 * Who belongs to a structure, as its gestionnaire principal manages it: membership requests approved or refused (the
 * requester is told by mail), roles and profiles, and the hand-over of the gestionnaire principal role, of which a
 * structure always has exactly one.
 */
@Service
@Transactional
class Memberships {

    /** Published when a request is decided; the requester is mailed after commit. */
    public record RequestDecided(UUID membershipId, UUID requesterId, String structureName, boolean approved) {
    }

    /** Published when someone asks to join; the gestionnaire principal is mailed after commit. */
    public record RequestMade(UUID membershipId, UUID requesterId, UUID managerId, UUID structureId, String structureName) {
    }

    private static final Set<String> PROFILES = Set.of(Membership.CONSULTATION, Membership.MODIFICATION);

    private final Structures structures;
    private final MembershipRepository memberships;
    private final AccountDirectory accounts;
    private final AccountSessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Memberships(Structures structures, MembershipRepository memberships, AccountDirectory accounts,
                AccountSessions sessions, ApplicationEventPublisher events, Clock clock) {
        this.structures = structures;
        this.memberships = memberships;
        this.accounts = accounts;
        this.sessions = sessions;
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
                throw new DomainException(DomainException.Kind.CONFLICT, "ALREADY_REQUESTED", existing.status() == Membership.Status.ACTIVE
                        ? "Vous êtes déjà membre de cette structure."
                        : "Votre demande de rattachement attend déjà la réponse du gestionnaire principal.");
            }
            memberships.delete(existing);
            memberships.flush();
        });
        Membership request = memberships.save(Membership.request(structureId, accountId, clock.instant()));
        manager(structureId).ifPresent(manager ->
                events.publishEvent(new RequestMade(request.id(), accountId, manager.accountId(), structureId,
                        structure.name())));
        return request;
    }

    Membership decide(UUID structureId, UUID requestId, UUID managerId, boolean approve) {
        Structure structure = structures.requirePrincipalManager(structureId, managerId);
        Membership request = memberships.findById(requestId).filter(m -> m.structureId().equals(structureId))
                .filter(m -> m.status() == Membership.Status.REQUESTED)
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "REQUEST_NOT_FOUND",
                        "Cette demande de rattachement n'existe pas ou a déjà reçu une réponse."));
        if (approve) {
            // only the owner of the login e-mail can activate the account: before that, nobody has proven who asks
            if (!accounts.contact(request.accountId()).loginEmailProven()) {
                throw new DomainException(DomainException.Kind.CONFLICT, "REQUESTER_NOT_ACTIVATED",
                        "Cette personne n'a pas encore activé son compte : son adresse de connexion n'est donc pas "
                                + "vérifiée. Acceptez sa demande une fois son compte activé, ou refusez-la.");
            }
            request.approve(clock.instant());
        } else {
            request.refuse(clock.instant());
        }
        events.publishEvent(new RequestDecided(request.id(), request.accountId(), structure.name(), approve));
        return request;
    }

    Membership change(UUID structureId, UUID memberId, UUID managerId, MembershipRole role, List<String> profiles) {
        structures.requirePrincipalManager(structureId, managerId);
        Membership member = activeMember(structureId, memberId);
        if (member.role() == MembershipRole.PRINCIPAL_MANAGER || role == MembershipRole.PRINCIPAL_MANAGER) {
            throw new DomainException(DomainException.Kind.CONFLICT, "USE_HANDOVER",
                    "Le rôle de gestionnaire principal se transmet par « Transmettre le rôle de gestionnaire principal ».");
        }
        if (role != null) {
            member.changeRole(role);
        }
        if (profiles != null) {
            if (profiles.isEmpty() || !PROFILES.containsAll(profiles)) {
                throw DomainException.invalidField("profiles", "INVALID_VALUE",
                        "Choisissez au moins un profil parmi « Frais de justice consultation » et « Frais de justice modification ».");
            }
            member.changeProfiles(profiles);
        }
        return member;
    }

    /**
     * The gestionnaire principal removes a member, or a member leaves or withdraws his pending request. The gestionnaire
     * principal cannot leave: he hands his role over first. A removed account's open sessions end with it, so it loses
     * access at once; one who leaves stays logged in, for his other structures.
     */
    void remove(UUID structureId, UUID memberId, UUID actorId) {
        Membership member;
        Optional<Membership> ownRequest = memberId.equals(actorId)
                ? memberships.findByStructureIdAndAccountId(structureId, actorId).filter(m -> m.status() == Membership.Status.REQUESTED)
                : Optional.empty();
        if (ownRequest.isPresent()) {
            // a requester withdraws his own pending request
            memberships.delete(ownRequest.get());
            return;
        }
        if (memberId.equals(actorId)) {
            structures.requireMember(structureId, actorId);
            member = activeMember(structureId, memberId);
        } else {
            structures.requirePrincipalManager(structureId, actorId);
            member = memberships.findByStructureIdAndAccountId(structureId, memberId)
                    .filter(m -> m.status() == Membership.Status.ACTIVE)
                    .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "MEMBER_NOT_FOUND",
                            "Cette personne n'est pas membre de la structure."));
        }
        if (member.role() == MembershipRole.PRINCIPAL_MANAGER) {
            throw new DomainException(DomainException.Kind.CONFLICT, "PRINCIPAL_MANAGER_CANNOT_LEAVE",
                    "Le gestionnaire principal ne peut pas quitter sa structure : transmettez d'abord ce rôle à un autre "
                            + "membre (« Transmettre le rôle de gestionnaire principal »).");
        }
        memberships.delete(member);
        if (!memberId.equals(actorId)) {
            sessions.endAll(memberId);
        }
    }

    /** The gestionnaire principal hands his role to another member and becomes a gestionnaire. */
    void handOver(UUID structureId, UUID managerId, UUID successorId) {
        structures.requirePrincipalManager(structureId, managerId);
        if (successorId == null || successorId.equals(managerId)) {
            throw DomainException.invalidField("accountId", "INVALID_VALUE", "Choisissez un autre membre de la structure.");
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
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "MEMBER_NOT_FOUND",
                        "Cette personne n'est pas membre de la structure."));
    }

    private Optional<Membership> manager(UUID structureId) {
        return memberships.findByStructureIdAndRoleAndStatus(structureId, MembershipRole.PRINCIPAL_MANAGER,
                Membership.Status.ACTIVE);
    }
}
