package fr.fraisdejustice.mandate;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface BillingMandateRepository extends JpaRepository<BillingMandate, UUID> {

    List<BillingMandate> findByStructureId(UUID structureId);

    boolean existsByStructureIdAndStatus(UUID structureId, MandateStatus status);

    boolean existsByStructureIdAndLabelAndMigratedTrue(UUID structureId, String label);
}
