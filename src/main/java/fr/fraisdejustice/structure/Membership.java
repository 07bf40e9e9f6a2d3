package fr.fraisdejustice.structure;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account's place in a structure: its role, its profiles, and whether the gestionnaire has let it in yet. */
@Entity
@Table(name = "membership")
public class Membership {

    public static final String CONSULTATION = "FRAIS_DE_JUSTICE_CONSULTATION";
    public static final String MODIFICATION = "FRAIS_DE_JUSTICE_MODIFICATION";

    public enum Status { ACTIVE, REQUESTED, REFUSED }

    @Id
    private UUID id;

    @Column(name = "structure_id")
    private UUID structureId;

    @Column(name = "account_id")
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    private MembershipRole role;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String profiles;

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected Membership() {
    }

    private Membership(UUID structureId, UUID accountId, MembershipRole role, Status status, Instant now) {
        this.id = UUID.randomUUID();
        this.structureId = structureId;
        this.accountId = accountId;
        this.role = role;
        this.status = status;
        // a member who joins may only read until the gestionnaire grants « modification »
        this.profiles = role == MembershipRole.PRINCIPAL_MANAGER ? CONSULTATION + "," + MODIFICATION : CONSULTATION;
        this.requestedAt = now;
        this.decidedAt = status == Status.ACTIVE ? now : null;
    }

    static Membership principalManager(UUID structureId, UUID accountId, Instant now) {
        return new Membership(structureId, accountId, MembershipRole.PRINCIPAL_MANAGER, Status.ACTIVE, now);
    }

    static Membership approvedUser(UUID structureId, UUID accountId, Instant now) {
        return new Membership(structureId, accountId, MembershipRole.USER, Status.ACTIVE, now);
    }

    static Membership request(UUID structureId, UUID accountId, Instant now) {
        return new Membership(structureId, accountId, MembershipRole.USER, Status.REQUESTED, now);
    }

    void approve(Instant now) {
        requireRequested();
        status = Status.ACTIVE;
        decidedAt = now;
    }

    void refuse(Instant now) {
        requireRequested();
        status = Status.REFUSED;
        decidedAt = now;
    }

    void changeRole(MembershipRole role) {
        this.role = role;
    }

    void changeProfiles(List<String> profiles) {
        this.profiles = String.join(",", profiles);
    }

    private void requireRequested() {
        if (status != Status.REQUESTED) {
            throw new IllegalStateException("Demande " + id + " déjà traitée");
        }
    }

    public UUID id() {
        return id;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public UUID structureId() {
        return structureId;
    }

    public UUID accountId() {
        return accountId;
    }

    public MembershipRole role() {
        return role;
    }

    public Status status() {
        return status;
    }

    public List<String> profiles() {
        return Arrays.stream(profiles.split(",")).filter(p -> !p.isBlank()).toList();
    }
}
