package fr.fraisdejustice.mandate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface BillingMandateRepository extends JpaRepository<BillingMandate, UUID> {

    List<BillingMandate> findByStructureIdOrderByCreatedAtDesc(UUID structureId);

    List<BillingMandate> findByStructureIdAndStatus(UUID structureId, MandateStatus status);

    Optional<BillingMandate> findBySignatureTokenHash(String signatureTokenHash);

    boolean existsByStructureIdAndStatus(UUID structureId, MandateStatus status);

    boolean existsByStructureIdAndLabelAndMigratedTrue(UUID structureId, String label);
}
