package fr.fraisdejustice.structure;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.shared.DomainException;

/** The public face of the structure feature for the other features. */
@Service
@Transactional
public class Structures {

    /** What joining a structure gave a new account. */
    public record Joined(Structure structure, MembershipRole role, boolean requested, Optional<UUID> principalManagerAccountId) {
    }

    /** A structure an account belongs to, with its place there. */
    public record Belonging(Structure structure, Membership membership) {
    }

    private final StructureRepository structures;
    private final MembershipRepository memberships;
    private final StructureServiceRepository services;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Structures(StructureRepository structures, MembershipRepository memberships, StructureServiceRepository services,
               ApplicationEventPublisher events, Clock clock) {
        this.structures = structures;
        this.memberships = memberships;
        this.services = services;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A new account joins the structure with this identifier: it creates it and becomes its gestionnaire principal, or,
     * when the structure exists, asks its gestionnaire to let it in.
     */
    public Joined join(UUID accountId, IdentifierType type, String identifier, String name, String address) {
        Optional<Structure> existing = structures.findByIdentifierTypeAndIdentifier(type, identifier);
        if (existing.isPresent()) {
            Structure structure = existing.get();
            Membership request = memberships.save(Membership.request(structure.id(), accountId, clock.instant()));
            Optional<UUID> manager = memberships.findByStructureIdAndRoleAndStatus(structure.id(),
                    MembershipRole.PRINCIPAL_MANAGER, Membership.Status.ACTIVE).map(Membership::accountId);
            manager.ifPresent(managerId -> events.publishEvent(
                    new Memberships.RequestMade(request.id(), accountId, managerId, structure.id(), structure.name())));
            return new Joined(structure, MembershipRole.USER, true, manager);
        }
        Structure structure = structures.save(new Structure(type, identifier, name, address, clock.instant()));
        memberships.save(Membership.principalManager(structure.id(), accountId, clock.instant()));
        return new Joined(structure, MembershipRole.PRINCIPAL_MANAGER, false, Optional.of(accountId));
    }

    /**
     * A migrated account takes its place in its structure as it had it: the structure is created if needed (a
     * non-conforming identifier is kept, the structure is then read-only), its first member becomes its gestionnaire
     * principal, the others plain users, all already approved. Joining twice changes nothing.
     */
    public Structure importMember(UUID accountId, IdentifierType type, String identifier, String name) {
        Structure structure = structures.findByIdentifierTypeAndIdentifier(type, identifier)
                .orElseGet(() -> structures.save(new Structure(type, identifier, name, null, clock.instant())));
        boolean member = memberships.findByAccountId(accountId).stream().anyMatch(m -> m.structureId().equals(structure.id()));
        if (!member) {
            boolean hasManager = memberships.findByStructureIdAndRoleAndStatus(structure.id(),
                    MembershipRole.PRINCIPAL_MANAGER, Membership.Status.ACTIVE).isPresent();
            memberships.save(hasManager ? Membership.approvedUser(structure.id(), accountId, clock.instant())
                    : Membership.principalManager(structure.id(), accountId, clock.instant()));
        }
        return structure;
    }

    @Transactional(readOnly = true)
    public Structure byId(UUID structureId) {
        return structures.findById(structureId).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND,
                "STRUCTURE_NOT_FOUND", "Cette structure n'existe pas."));
    }

    /** The structure, for one of its approved members; anyone else is told it does not exist. */
    @Transactional(readOnly = true)
    public Structure requireMember(UUID structureId, UUID accountId) {
        return structures.findById(structureId)
                .filter(s -> memberships.findByAccountId(accountId).stream()
                        .anyMatch(m -> m.structureId().equals(structureId) && m.status() == Membership.Status.ACTIVE))
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "STRUCTURE_NOT_FOUND",
                        "Cette structure n'existe pas, ou vous n'en êtes pas membre."));
    }

    /** The structures the account is an active member of: whose data he may read. */
    @Transactional(readOnly = true)
    public List<UUID> activeStructureIds(UUID accountId) {
        return memberships.findByAccountId(accountId).stream().filter(m -> m.status() == Membership.Status.ACTIVE)
                .map(Membership::structureId).toList();
    }

    /** Whether the account is an active member of the structure. */
    @Transactional(readOnly = true)
    public boolean isMember(UUID structureId, UUID accountId) {
        return memberships.findByStructureIdAndAccountId(structureId, accountId)
                .filter(m -> m.status() == Membership.Status.ACTIVE).isPresent();
    }

    /** The structure, for its gestionnaire principal only: the others may read it, not change its set-up. */
    @Transactional(readOnly = true)
    public Structure requirePrincipalManager(UUID structureId, UUID accountId) {
        Structure structure = requireMember(structureId, accountId);
        boolean manager = memberships.findByStructureIdAndRoleAndStatus(structureId, MembershipRole.PRINCIPAL_MANAGER,
                Membership.Status.ACTIVE).map(m -> m.accountId().equals(accountId)).orElse(false);
        if (!manager) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "PRINCIPAL_MANAGER_ONLY",
                    "Seul le gestionnaire principal de la structure peut modifier son paramétrage.");
        }
        return structure;
    }

    /** The structure, for a member holding this profile (« Frais de justice modification » to change mémoires). */
    @Transactional(readOnly = true)
    public Structure requireProfile(UUID structureId, UUID accountId, String profile) {
        Structure structure = requireMember(structureId, accountId);
        boolean holds = memberships.findByStructureIdAndAccountId(structureId, accountId)
                .map(m -> m.profiles().contains(profile)).orElse(false);
        if (!holds) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "PROFILE_REQUIRED",
                    "Votre profil dans cette structure ne permet que la consultation : demandez le profil « Frais de "
                            + "justice modification » à son gestionnaire principal.");
        }
        return structure;
    }

    /**
     * The support names a gestionnaire principal (a ticket « nomination d'un gestionnaire principal »): the named active
     * member takes the role and every profile; the former one, if any, stays as a gestionnaire.
     */
    @Transactional
    public void namePrincipalManager(UUID structureId, UUID accountId) {
        Membership named = memberships.findByStructureIdAndAccountId(structureId, accountId)
                .filter(m -> m.status() == Membership.Status.ACTIVE)
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "MEMBER_NOT_FOUND",
                        "Cette personne n'est pas membre actif de la structure : elle doit d'abord y être rattachée."));
        if (named.role() == MembershipRole.PRINCIPAL_MANAGER) {
            return;
        }
        memberships.findByStructureIdAndRoleAndStatus(structureId, MembershipRole.PRINCIPAL_MANAGER, Membership.Status.ACTIVE)
                .ifPresent(current -> current.changeRole(MembershipRole.MANAGER));
        memberships.flush();
        named.changeRole(MembershipRole.PRINCIPAL_MANAGER);
        named.changeProfiles(List.of(Membership.CONSULTATION, Membership.MODIFICATION));
    }

    /** The structure's active members, in the order they joined: what the support sees before naming a gestionnaire. */
    @Transactional(readOnly = true)
    public List<Membership> activeMembers(UUID structureId) {
        return memberships.findByStructureIdAndStatusOrderByRequestedAt(structureId, Membership.Status.ACTIVE);
    }

    /** The account of the structure's active gestionnaire principal, whose contact address receives its notifications. */
    @Transactional(readOnly = true)
    public Optional<UUID> principalManagerOf(UUID structureId) {
        return memberships.findByStructureIdAndRoleAndStatus(structureId, MembershipRole.PRINCIPAL_MANAGER,
                Membership.Status.ACTIVE).map(Membership::accountId);
    }

    @Transactional(readOnly = true)
    public Optional<Structure> find(IdentifierType type, String identifier) {
        return structures.findByIdentifierTypeAndIdentifier(type, identifier);
    }

    @Transactional(readOnly = true)
    public List<Belonging> of(UUID accountId) {
        return memberships.findByAccountId(accountId).stream()
                .map(m -> new Belonging(structures.findById(m.structureId()).orElseThrow(), m))
                .toList();
    }

    /** Whether the structure has an open service of this code: what a mémoire's header may name as its serviceCode. */
    @Transactional(readOnly = true)
    public boolean hasActiveService(UUID structureId, String serviceCode) {
        return structureId != null && serviceCode != null
                && services.existsByStructureIdAndCodeAndActiveTrue(structureId, serviceCode);
    }

    /** A new structure whose gestionnaire principal is the account (its identifier already checked, and free). */
    Structure create(UUID accountId, IdentifierType type, String identifier, String name, String address) {
        Structure structure = structures.save(new Structure(type, identifier, name, address, clock.instant()));
        memberships.save(Membership.principalManager(structure.id(), accountId, clock.instant()));
        return structure;
    }

    /** The account's place in the structure, if it has asked to join it or belongs to it. */
    @Transactional(readOnly = true)
    Optional<Membership> membership(UUID structureId, UUID accountId) {
        return memberships.findByStructureIdAndAccountId(structureId, accountId);
    }
}
