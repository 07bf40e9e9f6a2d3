package fr.fraisdejustice.memoire;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface MemoireRepository extends JpaRepository<Memoire, UUID> {

    @Query("select m from Memoire m where m.number = :number or m.mjNumber = :number")
    Optional<Memoire> findByNumber(String number);

    /** Locks the mémoire's row until the end of the transaction: two submissions of one mémoire run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Memoire m where m.number = :number or m.mjNumber = :number")
    Optional<Memoire> lockByNumber(String number);

    @Query(value = "select nextval('memoire_definitive_number')", nativeQuery = true)
    long nextDefinitiveNumber();

    @Query(value = "select nextval('memoire_draft_number')", nativeQuery = true)
    long nextDraftNumber();
}
