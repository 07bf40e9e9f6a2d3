package fr.fraisdejustice.memoire;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MemoireAttachmentRepository extends JpaRepository<MemoireAttachment, UUID> {

    List<MemoireAttachment> findByMemoireIdOrderByCreatedAt(UUID memoireId);

    /** What a fingerprint needs of each attachment, without loading its content. */
    interface Summary {
        UUID getId();

        AttachmentKind getKind();

        String getFileName();

        String getSha256();
    }

    @Query("select a.id as id, a.kind as kind, a.fileName as fileName, a.sha256 as sha256 from MemoireAttachment a "
            + "where a.memoireId = :memoireId")
    List<Summary> summaries(UUID memoireId);

    /** What the staff's task forms list of each attachment, in the order they were added, without their content. */
    interface Listed {
        UUID getId();

        AttachmentKind getKind();

        String getFileName();

        UUID getLineId();
    }

    @Query("select a.id as id, a.kind as kind, a.fileName as fileName, a.lineId as lineId from MemoireAttachment a "
            + "where a.memoireId = :memoireId order by a.createdAt")
    List<Listed> listed(UUID memoireId);

    @Query("select coalesce(sum(a.size), 0) from MemoireAttachment a where a.memoireId = :memoireId")
    long totalSize(UUID memoireId);
}
