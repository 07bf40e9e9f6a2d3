package fr.fraisdejustice.structure;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One service of a structure (« Service des traductions »): a mémoire's header names it by its code, which stays the
 * same when the service is renamed or closed.
 */
@Entity
@Table(name = "structure_service")
public class StructureService {

    @Id
    private UUID id;

    @Column(name = "structure_id")
    private UUID structureId;

    private String code;

    private String name;

    private boolean active;

    @Column(name = "created_at")
    private Instant createdAt;

    protected StructureService() {
    }

    StructureService(UUID structureId, String code, String name, Instant now) {
        this.id = UUID.randomUUID();
        this.structureId = structureId;
        this.code = code;
        this.name = name;
        this.active = true;
        this.createdAt = now;
    }

    void rename(String name) {
        this.name = name;
    }

    void activate(boolean active) {
        this.active = active;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public boolean active() {
        return active;
    }

    UUID structureId() {
        return structureId;
    }

    Instant createdAt() {
        return createdAt;
    }
}
