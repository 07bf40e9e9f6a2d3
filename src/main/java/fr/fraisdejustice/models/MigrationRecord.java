package fr.fraisdejustice.models;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One migration of running instances to another version of their process: the engine's batch, who asked it, when and
 * why, and the instances that stayed on their version (one line each: instance id and French reason).
 */
@Entity
@Table(name = "model_migration")
class MigrationRecord {

    @Id
    private UUID id;

    @Column(name = "batch_id")
    private String batchId;

    @Column(name = "process_key")
    private String processKey;

    @Column(name = "from_version")
    private int fromVersion;

    @Column(name = "to_version")
    private int toVersion;

    @Column(name = "source_definition_id")
    private String sourceDefinitionId;

    @Column(name = "target_definition_id")
    private String targetDefinitionId;

    private int instances;

    private int incompatible;

    @Column(name = "incompatible_report")
    private String incompatibleReport;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "requested_at")
    private Instant requestedAt;

    private String reason;

    protected MigrationRecord() {
    }

    MigrationRecord(String batchId, ProcessMigrationService.Plan plan, int instances, int incompatible,
                    String incompatibleReport, String requestedBy, Instant requestedAt, String reason) {
        this.id = UUID.randomUUID();
        this.batchId = batchId;
        this.processKey = plan.key();
        this.fromVersion = plan.source().getVersion();
        this.toVersion = plan.target().getVersion();
        this.sourceDefinitionId = plan.source().getId();
        this.targetDefinitionId = plan.target().getId();
        this.instances = instances;
        this.incompatible = incompatible;
        this.incompatibleReport = incompatibleReport;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.reason = reason;
    }

    String batchId() { return batchId; }
    String processKey() { return processKey; }
    String sourceDefinitionId() { return sourceDefinitionId; }
    int fromVersion() { return fromVersion; }
    int toVersion() { return toVersion; }
    int instances() { return instances; }
    int incompatible() { return incompatible; }
    String incompatibleReport() { return incompatibleReport; }
    String requestedBy() { return requestedBy; }
    Instant requestedAt() { return requestedAt; }
    String reason() { return reason; }
}
