package fr.fraisdejustice.models;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface MigrationRecordRepository extends JpaRepository<MigrationRecord, UUID> {

    Optional<MigrationRecord> findByBatchId(String batchId);

    List<MigrationRecord> findBySourceDefinitionId(String sourceDefinitionId);
}
