package fr.fraisdejustice.structure;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FieldProblem;

/**
 * The services of a structure, as its gestionnaire principal adds, renames and closes them. Each gets a code S01, S02…
 * in the order of creation, never reused: a closed service keeps its code, so the mémoires that name it still do.
 */
@Service
@Transactional
class StructureServices {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_SERVICES = 99;

    record Change(String name, Boolean active) {
    }

    private final Structures structures;
    private final StructureServiceRepository services;
    private final Clock clock;

    StructureServices(Structures structures, StructureServiceRepository services, Clock clock) {
        this.structures = structures;
        this.services = services;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<StructureService> of(UUID structureId, UUID accountId) {
        structures.requireMember(structureId, accountId);
        return services.findByStructureIdOrderByCode(structureId);
    }

    StructureService add(UUID structureId, UUID accountId, String name) {
        requireChangeable(structureId, accountId);
        String trimmed = validName(name);
        List<StructureService> existing = services.findByStructureIdOrderByCode(structureId);
        requireUnique(existing, trimmed, null);
        if (existing.size() >= MAX_SERVICES) {
            throw new DomainException(DomainException.Kind.CONFLICT, "TOO_MANY_SERVICES",
                    "Une structure compte au plus " + MAX_SERVICES + " services : renommez un service fermé plutôt que d'en créer un.");
        }
        int next = existing.stream().mapToInt(s -> Integer.parseInt(s.code().substring(1))).max().orElse(0) + 1;
        return services.save(new StructureService(structureId, String.format("S%02d", next), trimmed, clock.instant()));
    }

    StructureService change(UUID structureId, String code, UUID accountId, Change change) {
        requireChangeable(structureId, accountId);
        StructureService service = services.findByStructureIdAndCode(structureId, code)
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "SERVICE_NOT_FOUND",
                        "Ce service n'existe pas dans cette structure."));
        if (change.name() != null) {
            String trimmed = validName(change.name());
            requireUnique(services.findByStructureIdOrderByCode(structureId), trimmed, code);
            service.rename(trimmed);
        }
        if (change.active() != null) {
            service.activate(change.active());
        }
        return service;
    }

    private void requireChangeable(UUID structureId, UUID accountId) {
        if (structures.requirePrincipalManager(structureId, accountId).readOnly()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "STRUCTURE_READ_ONLY", StructureIdentifiers.NOT_CONFORMING);
        }
    }

    private static String validName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH || trimmed.contains("\n")) {
            throw DomainException.invalidField("name", "INVALID_VALUE",
                    "Donnez un nom au service, sur une ligne de " + MAX_NAME_LENGTH + " caractères au plus.");
        }
        return trimmed;
    }

    private static void requireUnique(List<StructureService> existing, String name, String exceptCode) {
        String key = name.toLowerCase(Locale.FRENCH);
        if (existing.stream().anyMatch(s -> !s.code().equals(exceptCode) && s.name().toLowerCase(Locale.FRENCH).equals(key))) {
            throw new DomainException(DomainException.Kind.CONFLICT, "SERVICE_EXISTS",
                    "La structure a déjà un service « " + name + " » : rouvrez-le ou choisissez un autre nom.",
                    List.of(new FieldProblem("name", "ALREADY_USED", "Ce nom de service est déjà pris.")));
        }
    }
}
