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
    private final AccountDirectory directory;

    StructureController(Structures structures, StructureSettings settings, Memberships memberships,
                        AccountDirectory directory) {
        this.structures = structures;
        this.settings = settings;
        this.memberships = memberships;
        this.directory = directory;
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
        return StructureView.of(structures.requireMember(structureId, me.accountId()));
    }

    @PatchMapping("/api/structures/{structureId}")
    @Operation(summary = "Catégorie, régime, adresse, services (gestionnaire principal)")
    StructureView change(@PathVariable UUID structureId, @RequestBody StructureSettings.Change change,
                         @AuthenticationPrincipal ProviderPrincipal me) {
        return StructureView.of(settings.change(structureId, me.accountId(), change));
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

    record MemberView(UUID requestId, UUID accountId, String firstName, String lastName, String contactEmail,
                      String loginEmail, boolean loginEmailVerified, MembershipRole role, Membership.Status status,
                      List<String> profiles, Instant requestedAt) {
    }

    record StructureView(UUID id, String name, IdentifierType identifierType, String identifier, String address,
                         ProviderCategory providerCategory, String referenceText, Regime regime, List<String> services,
                         boolean readOnly, String readOnlyReason) {
        static StructureView of(Structure s) {
            return new StructureView(s.id(), s.name(), s.identifierType(), s.identifier(), s.address(),
                    s.providerCategory(), s.providerCategory() == null ? null : s.providerCategory().referenceText(),
                    s.regime(), s.services(), s.readOnly(), s.readOnly() ? StructureIdentifiers.NOT_CONFORMING : null);
        }
    }
}
