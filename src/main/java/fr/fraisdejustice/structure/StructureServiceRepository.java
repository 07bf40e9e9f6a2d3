package fr.fraisdejustice.structure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface StructureServiceRepository extends JpaRepository<StructureService, UUID> {

    List<StructureService> findByStructureIdOrderByCode(UUID structureId);

    Optional<StructureService> findByStructureIdAndCode(UUID structureId, String code);

    boolean existsByStructureIdAndCodeAndActiveTrue(UUID structureId, String code);
}
