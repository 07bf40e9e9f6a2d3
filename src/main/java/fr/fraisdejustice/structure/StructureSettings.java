package fr.fraisdejustice.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FieldProblem;

/**
 * The gestionnaire principal's settings of a structure: catégorie, régime (natural persons), address (its services have
 * their own endpoints, {@link StructureServices}). A change is a merge patch: a field left out keeps its value; an empty
 * address clears it.
 */
@Service
@Transactional
class StructureSettings {

    /** {@code services} is no setting any more: a client still sending the former list of names is told where they went. */
    record Change(ProviderCategory providerCategory, Regime regime, String address, List<String> services) {
    }

    private final Structures structures;
    private final StructureRepository repository;

    StructureSettings(Structures structures, StructureRepository repository) {
        this.structures = structures;
        this.repository = repository;
    }

    Structure change(UUID structureId, UUID accountId, Change change) {
        Structure structure = repository.findById(structures.requirePrincipalManager(structureId, accountId).id()).orElseThrow();
        if (structure.readOnly()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "STRUCTURE_READ_ONLY", StructureIdentifiers.NOT_CONFORMING);
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (change.regime() != null && !structure.naturalPerson()) {
            problems.add(new FieldProblem("regime", "NOT_APPLICABLE",
                    "Le régime COSP ou Indépendant ne concerne que les personnes physiques (identifiant « particulier »)."));
        }
        String address = change.address() == null ? structure.address()
                : change.address().isBlank() ? null : change.address().trim();
        if (address != null && address.length() > 500) {
            problems.add(new FieldProblem("address", "INVALID_LENGTH", "L'adresse compte au plus 500 caractères."));
        }
        if (change.services() != null) {
            problems.add(new FieldProblem("services", "MOVED", "Les services ne se changent plus avec les paramètres : "
                    + "ajoutez, renommez ou fermez-les un par un (/api/structures/{id}/services), chacun garde son code."));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "VALIDATION_FAILED",
                    "Certains champs sont invalides : corrigez-les puis renvoyez la demande.", problems);
        }
        structure.configure(change.providerCategory() != null ? change.providerCategory() : structure.providerCategory(),
                change.regime() != null ? change.regime() : structure.regime(), address);
        return structure;
    }
}
