package fr.fraisdejustice.structure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface MembershipRepository extends JpaRepository<Membership, UUID> {

    List<Membership> findByAccountId(UUID accountId);

    List<Membership> findByStructureIdAndStatusOrderByRequestedAt(UUID structureId, Membership.Status status);

    Optional<Membership> findByStructureIdAndAccountId(UUID structureId, UUID accountId);

    Optional<Membership> findByStructureIdAndRoleAndStatus(UUID structureId, MembershipRole role, Membership.Status status);
}
