package fr.fraisdejustice.structure;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface PrincipalManagerNominationRepository extends JpaRepository<PrincipalManagerNomination, UUID> {

    Optional<PrincipalManagerNomination> findByStructureIdAndStatus(UUID structureId, PrincipalManagerNomination.Status status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from PrincipalManagerNomination n where n.structureId = ?1 and n.status = 'PENDING'")
    Optional<PrincipalManagerNomination> lockPendingOfStructure(UUID structureId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from PrincipalManagerNomination n where n.ticketNumber = ?1 and n.status = 'PENDING'")
    Optional<PrincipalManagerNomination> lockPendingOfTicket(String ticketNumber);
}
