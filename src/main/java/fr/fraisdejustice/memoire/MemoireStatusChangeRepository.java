package fr.fraisdejustice.memoire;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemoireStatusChangeRepository extends JpaRepository<MemoireStatusChange, UUID> {

    List<MemoireStatusChange> findByMemoireIdOrderBySeq(UUID memoireId);
}
