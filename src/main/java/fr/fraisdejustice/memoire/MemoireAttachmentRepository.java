package fr.fraisdejustice.memoire;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MemoireAttachmentRepository extends JpaRepository<MemoireAttachment, UUID> {

    List<MemoireAttachment> findByMemoireIdOrderByCreatedAt(UUID memoireId);

    @Query("select coalesce(sum(a.size), 0) from MemoireAttachment a where a.memoireId = :memoireId")
    long totalSize(UUID memoireId);
}
