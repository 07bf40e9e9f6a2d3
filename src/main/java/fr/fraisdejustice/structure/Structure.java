package fr.fraisdejustice.structure;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A provider organisation (or a natural person working alone) identified by SIRET or another identifier. */
@Entity
@Table(name = "structure")
public class Structure {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "identifier_type")
    private IdentifierType identifierType;

    private String identifier;

    private String name;

    private String address;

    private String status;

    @Column(name = "identifier_conforming")
    private boolean identifierConforming;

    @Enumerated(EnumType.STRING)
    private Regime regime;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider_category")
    private ProviderCategory providerCategory;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Structure() {
    }

    Structure(IdentifierType identifierType, String identifier, String name, String address, Instant now) {
        this.id = UUID.randomUUID();
        this.identifierType = identifierType;
        this.identifier = identifier;
        this.name = name;
        this.address = address;
        this.status = "ACTIF";
        this.identifierConforming = StructureIdentifiers.conforms(identifierType, identifier);
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public IdentifierType identifierType() {
        return identifierType;
    }

    public String identifier() {
        return identifier;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public boolean identifierConforming() {
        return identifierConforming;
    }

    /** A natural person working without a company (PARTICULIER identifier). */
    public boolean naturalPerson() {
        return identifierType == IdentifierType.PARTICULIER;
    }

    public Regime regime() {
        return regime;
    }

    public ProviderCategory providerCategory() {
        return providerCategory;
    }

    /** A natural person's structure whose identifier does not conform can be neither used nor changed. */
    public boolean readOnly() {
        return naturalPerson() && !identifierConforming;
    }

    void configure(ProviderCategory category, Regime regime, String address) {
        this.providerCategory = category;
        this.regime = regime;
        this.address = address;
    }
}
