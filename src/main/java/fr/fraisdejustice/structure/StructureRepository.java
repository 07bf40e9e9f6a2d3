package fr.fraisdejustice.structure;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface StructureRepository extends JpaRepository<Structure, UUID> {

    Optional<Structure> findByIdentifierTypeAndIdentifier(IdentifierType identifierType, String identifier);
}
