package fr.fraisdejustice.structure;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.security.ProviderPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Structures et prérequis")
class StructureController {

    private final Structures structures;
    private final StructureSettings settings;
    private final Memberships memberships;
    private final StructureCreation creation;
    private final StructureServices services;
    private final AccountDirectory directory;
    private final PrincipalManagerNominations nominations;

    StructureController(Structures structures, StructureSettings settings, Memberships memberships,
                        StructureCreation creation, StructureServices services, AccountDirectory directory,
                        PrincipalManagerNominations nominations) {
        this.nominations = nominations;
        this.structures = structures;
        this.settings = settings;
        this.memberships = memberships;
        this.creation = creation;
        this.services = services;
        this.directory = directory;
    }

    @GetMapping("/api/structures")
    @Operation(summary = "Mes structures et mes demandes de rattachement, avec ma place dans chacune")
    List<MyStructureView> mine(@AuthenticationPrincipal ProviderPrincipal me) {
        return structures.of(me.accountId()).stream().map(MyStructureView::of).toList();
    }

    @PostMapping("/api/structures")
    @Operation(summary = "Créer une structure (l'appelant en devient le gestionnaire principal, 201), ou, si elle existe, "
            + "demander à y être rattaché (202)")
    ResponseEntity<Created> create(@RequestBody Creation request, @AuthenticationPrincipal ProviderPrincipal me) {
        StructureCreation.Outcome outcome = creation.create(me.accountId(), request.identifierType(), request.identifier(),
                request.name(), request.address());
        Structure s = outcome.structure();
        return outcome.requested()
                ? ResponseEntity.status(HttpStatus.ACCEPTED).body(new Created(s.id(), "MEMBERSHIP_REQUESTED",
                        s.naturalPerson() ? null : s.name(), s.identifierType(), s.identifier()))
                : ResponseEntity.status(HttpStatus.CREATED).body(new Created(s.id(), MembershipRole.PRINCIPAL_MANAGER.name(),
                        s.name(), s.identifierType(), s.identifier()));
    }

    @GetMapping("/api/structures/lookup")
    @Operation(summary = "Trouver une structure par son identifiant d'entreprise, pour demander à y être rattaché "
            + "(jamais pour un particulier)")
    Found lookup(@RequestParam(required = false) IdentifierType identifierType,
                 @RequestParam(required = false) String identifier) {
        Structure s = creation.lookup(identifierType, identifier);
        return new Found(s.id(), s.name(), s.identifierType(), s.identifier());
    }

    @PostMapping("/api/membership-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Demander son rattachement à la structure de cet identifiant (celle d'un particulier, qu'on ne "
            + "recherche pas) ; son gestionnaire principal la reçoit")
    Created requestByIdentifier(@RequestBody Creation request, @AuthenticationPrincipal ProviderPrincipal me) {
        Structure s = creation.requestByIdentifier(me.accountId(), request.identifierType(), request.identifier());
        return new Created(s.id(), "MEMBERSHIP_REQUESTED", s.naturalPerson() ? null : s.name(), s.identifierType(),
                s.identifier());
    }

    @GetMapping("/api/structures/{structureId}/services")
    @Operation(summary = "Les services de la structure, ouverts et fermés (membres)")
    List<ServiceView> services(@PathVariable UUID structureId, @AuthenticationPrincipal ProviderPrincipal me) {
        return services.of(structureId, me.accountId()).stream().map(ServiceView::of).toList();
    }

    @PostMapping("/api/structures/{structureId}/services")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter un service (gestionnaire principal)")
    ServiceView addService(@PathVariable UUID structureId, @RequestBody ServiceChange request,
                           @AuthenticationPrincipal ProviderPrincipal me) {
        return ServiceView.of(services.add(structureId, me.accountId(), request.name()));
    }

    @PatchMapping("/api/structures/{structureId}/services/{code}")
    @Operation(summary = "Renommer, fermer ou rouvrir un service (gestionnaire principal)")
    ServiceView changeService(@PathVariable UUID structureId, @PathVariable String code, @RequestBody ServiceChange request,
                              @AuthenticationPrincipal ProviderPrincipal me) {
        return ServiceView.of(services.change(structureId, code, me.accountId(),
                new StructureServices.Change(request.name(), request.active())));
    }

    @GetMapping("/api/reference/provider-categories")
    @Operation(summary = "Les catégories de prestataire et leur texte de référence (anonyme)")
    List<CategoryView> categories() {
        return Arrays.stream(ProviderCategory.values())
                .map(c -> new CategoryView(c.name(), c.label(), c.referenceText())).toList();
    }

    @GetMapping("/api/structures/{structureId}")
    @Operation(summary = "La structure (membres)")
    StructureView get(@PathVariable UUID structureId, @AuthenticationPrincipal ProviderPrincipal me) {
        return view(structures.requireMember(structureId, me.accountId()), me.accountId());
    }

    @PatchMapping("/api/structures/{structureId}")
    @Operation(summary = "Catégorie, régime, adresse, services (gestionnaire principal)")
    StructureView change(@PathVariable UUID structureId, @RequestBody StructureSettings.Change change,
                         @AuthenticationPrincipal ProviderPrincipal me) {
        return view(settings.change(structureId, me.accountId(), change), me.accountId());
    }

    @GetMapping("/api/structures/{structureId}/members")
    @Operation(summary = "Les membres de la structure (membres)")
    List<MemberView> members(@PathVariable UUID structureId, @AuthenticationPrincipal ProviderPrincipal me) {
        return memberships.members(structureId, me.accountId()).stream().map(this::view).toList();
    }

    @PatchMapping("/api/structures/{structureId}/members/{accountId}")
    @Operation(summary = "Changer le rôle ou les profils d'un membre (gestionnaire principal)")
    MemberView changeMember(@PathVariable UUID structureId, @PathVariable UUID accountId, @RequestBody MemberChange change,
                            @AuthenticationPrincipal ProviderPrincipal me) {
        return view(memberships.change(structureId, accountId, me.accountId(), change.role(), change.profiles()));
    }

    @PostMapping("/api/structures/{structureId}/principal-manager")
    @Operation(summary = "Transmettre le rôle de gestionnaire principal à un autre membre (gestionnaire principal)")
    ResponseEntity<Void> handOver(@PathVariable UUID structureId, @RequestBody Successor successor,
                                  @AuthenticationPrincipal ProviderPrincipal me) {
        memberships.handOver(structureId, me.accountId(), successor.accountId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/structures/{structureId}/nomination-objection")
    @Operation(summary = "S'opposer, avec un motif, à la nomination en cours d'un autre gestionnaire principal "
            + "(le gestionnaire principal en place ; 409 si aucune n'est en cours)")
    ResponseEntity<Void> objectToNomination(@PathVariable UUID structureId, @RequestBody(required = false) Objection objection,
                                            @AuthenticationPrincipal ProviderPrincipal me) {
        nominations.object(structureId, me.accountId(), objection == null ? null : objection.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/structures/{structureId}/membership-requests")
    @Operation(summary = "Les demandes de rattachement en attente (gestionnaire principal)")
    List<MemberView> requests(@PathVariable UUID structureId, @AuthenticationPrincipal ProviderPrincipal me) {
        return memberships.requests(structureId, me.accountId()).stream().map(this::view).toList();
    }

    @PostMapping("/api/structures/{structureId}/membership-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Demander son rattachement à la structure")
    MemberView request(@PathVariable UUID structureId, @AuthenticationPrincipal ProviderPrincipal me) {
        return view(memberships.request(structureId, me.accountId()));
    }

    @PostMapping("/api/structures/{structureId}/membership-requests/{requestId}/approval")
    @Operation(summary = "Accepter une demande de rattachement (gestionnaire principal)")
    MemberView approve(@PathVariable UUID structureId, @PathVariable UUID requestId,
                       @AuthenticationPrincipal ProviderPrincipal me) {
        return view(memberships.decide(structureId, requestId, me.accountId(), true));
    }

    @PostMapping("/api/structures/{structureId}/membership-requests/{requestId}/refusal")
    @Operation(summary = "Refuser une demande de rattachement (gestionnaire principal)")
    MemberView refuse(@PathVariable UUID structureId, @PathVariable UUID requestId,
                      @AuthenticationPrincipal ProviderPrincipal me) {
        return view(memberships.decide(structureId, requestId, me.accountId(), false));
    }

    @DeleteMapping("/api/structures/{structureId}/members/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Retirer un membre (gestionnaire principal) ou quitter la structure (le membre lui-même) ; "
            + "ses sessions ouvertes prennent fin")
    void remove(@PathVariable UUID structureId, @PathVariable UUID accountId, @AuthenticationPrincipal ProviderPrincipal me) {
        memberships.remove(structureId, accountId, me.accountId());
    }

    private StructureView view(Structure s, UUID accountId) {
        Membership mine = structures.membership(s.id(), accountId).orElseThrow();
        return StructureView.of(s, mine, mine.role() == MembershipRole.PRINCIPAL_MANAGER
                ? nominations.pendingOf(s.id()).map(this::view).orElse(null) : null);
    }

    private MemberView view(Membership m) {
        AccountDirectory.Contact contact = directory.contact(m.accountId());
        return new MemberView(m.id(), m.accountId(), contact.firstName(), contact.lastName(), contact.contactEmail(),
                contact.loginEmail(), contact.loginEmailProven(), m.role(), m.status(), m.profiles(), m.requestedAt());
    }

    record CategoryView(String code, String label, String referenceText) {
    }

    record MemberChange(MembershipRole role, List<String> profiles) {
    }

    record Successor(UUID accountId) {
    }

    record Objection(String reason) {
    }

    /** A nomination that will take the gestionnaire principal's role from the reader, shown to him only. */
    record PendingNominationView(UUID namedAccountId, String namedName, Instant effectiveAt, String reason,
                                 String ticketNumber) {
    }

    private PendingNominationView view(PrincipalManagerNominations.Pending p) {
        return new PendingNominationView(p.namedAccountId(), directory.contact(p.namedAccountId()).fullName(),
                p.effectiveAt(), p.reason(), p.ticketNumber());
    }

    record MemberView(UUID requestId, UUID accountId, String firstName, String lastName, String contactEmail,
                      String loginEmail, boolean loginEmailVerified, MembershipRole role, Membership.Status status,
                      List<String> profiles, Instant requestedAt) {
    }

    /** The structure, with the caller's role and profiles there (what he may do on its pages). */
    record StructureView(UUID id, String name, IdentifierType identifierType, String identifierTypeLabel,
                         String identifier, String address, ProviderCategory providerCategory, String providerCategoryLabel,
                         String referenceText, Regime regime, boolean readOnly, String readOnlyReason, UUID myAccountId,
                         MembershipRole myRole, List<String> myProfiles, PendingNominationView pendingNomination) {
        static StructureView of(Structure s, Membership mine, PendingNominationView pendingNomination) {
            return new StructureView(s.id(), s.name(), s.identifierType(), s.identifierType().label(), s.identifier(),
                    s.address(), s.providerCategory(), s.providerCategory() == null ? null : s.providerCategory().label(),
                    s.providerCategory() == null ? null : s.providerCategory().referenceText(),
                    s.regime(), s.readOnly(), s.readOnly() ? StructureIdentifiers.NOT_CONFORMING : null, mine.accountId(),
                    mine.role(), mine.profiles(), pendingNomination);
        }
    }

    /**
     * One of my structures, or a structure I asked to join (a natural person's name is shown only once let in: his
     * identifier is part of a NIR, and whoever types it must not learn whose it is).
     */
    record MyStructureView(UUID id, String name, IdentifierType identifierType, String identifierTypeLabel,
                           String identifier, UUID accountId, MembershipRole role, Membership.Status status, List<String> profiles,
                           Instant requestedAt, boolean readOnly, String readOnlyReason) {
        static MyStructureView of(Structures.Belonging b) {
            Structure s = b.structure();
            Membership m = b.membership();
            boolean active = m.status() == Membership.Status.ACTIVE;
            return new MyStructureView(s.id(), active || !s.naturalPerson() ? s.name() : null, s.identifierType(),
                    s.identifierType().label(), s.identifier(), m.accountId(), m.role(), m.status(), m.profiles(), m.requestedAt(),
                    active && s.readOnly(), active && s.readOnly() ? StructureIdentifiers.NOT_CONFORMING : null);
        }
    }

    record Creation(IdentifierType identifierType, String identifier, String name, String address) {
    }

    /** A structure created (role PRINCIPAL_MANAGER) or asked to join (MEMBERSHIP_REQUESTED). */
    record Created(UUID structureId, String role, String name, IdentifierType identifierType, String identifier) {
    }

    record Found(UUID id, String name, IdentifierType identifierType, String identifier) {
    }

    record ServiceChange(String name, Boolean active) {
    }

    record ServiceView(String code, String name, boolean active) {
        static ServiceView of(StructureService s) {
            return new ServiceView(s.code(), s.name(), s.active());
        }
    }
}
