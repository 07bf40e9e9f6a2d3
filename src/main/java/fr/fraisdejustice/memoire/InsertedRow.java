package fr.fraisdejustice.memoire;

import java.util.UUID;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * A row made here with its own id. Spring Data's save() would merge it (a select by id before the insert, at every step
 * of every mémoire): Persistable tells it the row is new until it is stored or loaded.
 */
@MappedSuperclass
abstract class InsertedRow implements Persistable<UUID> {

    @Id
    private UUID id;

    @Transient
    private boolean created;

    protected InsertedRow() {
    }

    protected InsertedRow(UUID id) {
        this.id = id;
        this.created = true;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return created;
    }

    @PostLoad
    @PostPersist
    void stored() {
        created = false;
    }
}
