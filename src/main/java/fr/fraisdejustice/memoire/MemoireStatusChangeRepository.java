package fr.fraisdejustice.memoire;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MemoireStatusChangeRepository extends JpaRepository<MemoireStatusChange, UUID> {

    List<MemoireStatusChange> findByMemoireIdOrderBySeq(UUID memoireId);

    /** Mails still due, oldest first, each row locked so that two servers never send the same mail. */
    @Query(value = "select * from memoire_status_change where notified_at is null and mail_attempts < :maxAttempts "
            + "order by seq limit :limit for update skip locked", nativeQuery = true)
    List<MemoireStatusChange> lockUnsent(int maxAttempts, int limit);
}
