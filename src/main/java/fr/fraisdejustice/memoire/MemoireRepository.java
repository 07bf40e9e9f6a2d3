package fr.fraisdejustice.memoire;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MemoireRepository extends JpaRepository<Memoire, UUID> {

    Optional<Memoire> findByNumber(String number);

    @Query(value = "select nextval('memoire_draft_number')", nativeQuery = true)
    long nextDraftNumber();
}
