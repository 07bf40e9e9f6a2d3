package fr.fraisdejustice.bankaccount;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface BankAccountRepository extends JpaRepository<BankAccount, UUID> {

    List<BankAccount> findByStructureIdOrderByCreatedAtDesc(UUID structureId);

    boolean existsByStructureIdAndActiveTrue(UUID structureId);

    boolean existsByIdAndStructureIdAndActiveTrue(UUID id, UUID structureId);
}
